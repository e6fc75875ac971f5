package dev.parley.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When a mail the server did not take is tried again, and which answers end its tries at once. */
class RetryScheduleTest {

    @Test
    void aMinuteAfterTheFirstFailureThenTwiceAsLongUpToSixHours() {
        List<Long> minutes = IntStream.rangeClosed(1, 12)
                .mapToObj(attempt -> MailSender.backoff(attempt).toMinutes())
                .toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 360L, 360L, 360L), minutes);
        assertEquals(Duration.ofHours(6), MailSender.backoff(1000));
    }

    @Test
    void aRefusedSignInIsASetUpMistakeToRetryNotARefusalOfTheMail() {
        for (int code : new int[] {530, 534, 535, 538}) {
            assertTrue(MailSender.isSignInRefused(code), String.valueOf(code));
        }
        for (int code : new int[] {550, 551, 552, 553, 554, 421, 451}) {
            assertFalse(MailSender.isSignInRefused(code), String.valueOf(code));
        }
    }
}
