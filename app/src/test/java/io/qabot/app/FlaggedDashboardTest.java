package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's flagged answers in a real browser (Debian's headless Chromium): a member's flag
 * shows as a marked queue item with the bot's answer, its source and confidence; the maintainer's
 * "wrong for this question" takes effect on the next asker; Try it retires an item and the retired
 * list puts it back.
 */
class FlaggedDashboardTest {
    static final String QUESTION = "How do I run qabot?";

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    CallbackReceiver chat;
    BotFixture bot;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
        bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()));
        browser = HeadlessChromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
        if (chat != null) {
            chat.close();
        }
    }

    @Test
    void aFlaggedAnswerIsMarkedWithItsAnswerAndRuledWrongForTheQuestionFromThePage() throws Exception {
        JsonNode answer = bot.client.say("group-42", "t-1", "u1", QUESTION);
        assertEquals("replied", answer.path("outcome").asText(), answer.toString());
        long id = bot.client.say("group-42", "t-1", "u2", "not helpful", false, answer.path("reply_id").asText())
                .path("escalation").asLong();
        bot.client.say("group-42", "t-3", "u3", "seata 的 AT 模式支持 Oracle 吗？");

        signIn();
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue-list li.flagged[data-id='" + id + "']")));
        assertEquals(1, browser.findElements(By.cssSelector("#queue-list li.flagged")).size(), "only the flag is marked");
        WebElement flagged = item.findElement(By.className("flagged-answer"));
        assertTrue(flagged.isDisplayed());
        String shown = flagged.getText();
        assertTrue(shown.contains(answer.path("answer").asText().substring(0, 20)), shown);
        assertTrue(shown.contains("confidence") && shown.contains("qabot-faq.md") && shown.contains("not decided"), shown);
        assertEquals(3, flagged.findElements(By.cssSelector(".flagged-actions button")).size());

        flagged.findElement(By.className("verdict-wrong")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#queue-list li[data-id='" + id + "'] .flagged-head"), "ruled wrong"));
        assertFalse(browser.findElement(By.cssSelector("#queue-list li[data-id='" + id + "'] .flagged-actions")).isDisplayed());
        JsonNode next = bot.client.say("group-7", "t-9", "u9", QUESTION);
        assertEquals("escalated", next.path("outcome").asText(), "the item no longer answers it anywhere: " + next);

        browser.findElement(By.cssSelector("nav button[data-tab=stats]")).click();
        WebElement week = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#feedback-weeks li")));
        assertTrue(week.getText().matches("week of \\d{4}-\\d{2}-\\d{2} · 1 answer · 1 flagged \\(100 %\\) · 0 helpful"),
                week.getText());
    }

    @Test
    void tryItRetiresAnItemAndTheRetiredListPutsItBack() throws Exception {
        String question = "qabot 支持哪些聊天平台？";
        assertEquals("replied", bot.client.say("group-42", "t-1", "u1", question).path("outcome").asText());

        signIn();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs")));
        browser.findElement(By.cssSelector("nav button[data-tab=search]")).click();
        browser.findElement(By.id("search-text")).sendKeys(question);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        WebElement verdict = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-result .verdict")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = () => true");
        verdict.findElement(By.className("verdict-retire")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#search-result .error"), "Done."));

        assertEquals("escalated", bot.client.say("group-42", "t-2", "u2", question).path("outcome").asText(),
                "a retired item is never used");
        browser.findElement(By.cssSelector("nav button[data-tab=search]")).click();
        WebElement retired = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#retired-list li")));
        assertTrue(retired.getText().contains("qabot-faq.md"), retired.getText());
        retired.findElement(By.className("unretire-button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#retired-list li"), 0));
        assertEquals("replied", bot.client.say("group-42", "t-3", "u3", question).path("outcome").asText(),
                "put back, it answers again");
    }

    private void signIn() {
        HeadlessChromium.signIn(browser, bot.port());
    }
}
