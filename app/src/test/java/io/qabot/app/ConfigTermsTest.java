package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qabot.core.ChatMode;
import io.qabot.core.Platform;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The configuration's platforms and modes are the bot's, one for one: a platform added on one side only fails here. */
class ConfigTermsTest {
    @Test
    void everyConfiguredPlatformIsOneOfTheBotsAndTheBotHasNoOther() {
        Set<Platform> mapped = Arrays.stream(io.qabot.config.Platform.values()).map(ConfigTerms::platform)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Platform.class)));

        assertEquals(EnumSet.allOf(Platform.class), mapped);
        assertEquals(Platform.values().length, io.qabot.config.Platform.values().length);
    }

    @Test
    void everyConfiguredModeIsOneOfTheBotsAndTheBotHasNoOther() {
        Set<ChatMode> mapped = Arrays.stream(io.qabot.config.ChatMode.values()).map(ConfigTerms::mode)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChatMode.class)));

        assertEquals(EnumSet.allOf(ChatMode.class), mapped);
        assertEquals(ChatMode.values().length, io.qabot.config.ChatMode.values().length);
    }
}
