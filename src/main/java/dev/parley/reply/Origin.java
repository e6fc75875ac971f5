package dev.parley.reply;

/** Where a comment came from, kept for moderators. */
record Origin(String ip, String userAgent, String authorTokenHash) {

    Origin {
        if (userAgent != null && userAgent.length() > 255) {
            userAgent = userAgent.substring(0, 255);
        }
    }
}
