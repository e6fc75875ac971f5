package dev.parley.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource({
        "'Hello, World!', hello-world",
        "Ça va très bien, ca-va-tres-bien",
        "'  --Spaces--  ', spaces",
        "'!!!', article",
    })
    void titlesBecomeAddresses(String title, String slug) {
        assertEquals(slug, Slugs.fromTitle(title));
    }
}
