package io.qabot.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Any values in the {@code QABOT_…} variables: a configuration or one clear line that does not
 * show the secret set beside them. The names are the real ones (and a few unknown ones), so
 * the fuzzer spends its time on values. {@code …_FILE} names are left out: they name files to
 * read, and what lies at a fuzzed path is the machine's business, not the loader's.
 */
class ConfigEnvironmentFuzzTest {
    private static final String SECRET = "s3cret-value-never-shown";
    private static final List<String> NAMES = variableNames();
    private static final Set<String> SECRETS = secretNames();

    @Timeout(5)
    @FuzzTest(maxDuration = "10s")
    void anyEnvironmentLoadsOrFailsWithOneLineThatHidesTheSecrets(FuzzedDataProvider data) {
        Map<String, String> env = new HashMap<>();
        env.put("QABOT_WEBHOOK_SECRET", SECRET);
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String name = data.pickValue(NAMES);
            env.put(name, data.consumeString(200));
        }
        ConfigContract.loadsOrSaysWhatIsWrong(Optional.empty(), env, hidden(env, SECRET));
        for (Map.Entry<String, String> variable : env.entrySet()) {
            // a secret long enough not to be any setting's name by chance must not be echoed
            if (SECRETS.contains(variable.getKey()) && variable.getValue().strip().length() >= 12) {
                ConfigContract.loadsOrSaysWhatIsWrong(Optional.empty(), env, hidden(env, variable.getValue().strip()));
            }
        }
    }

    /**
     * The value the message must not show, or null when a variable that is not a secret holds it
     * too: the fuzzer copies values between variables, and a message may quote a bad setting's
     * value, which is then that setting's, not a secret (a local run: {@code http.writeTimeout:
     * "\ns3cret-value-never-shown\n" is not a duration}, the webhook secret's value given to
     * {@code QABOT_HTTP_WRITE_TIMEOUT} as well; another, a secret of twelve backslashes beside a
     * header timeout of six, which the message quotes escaped).
     */
    private static String hidden(Map<String, String> env, String secret) {
        boolean alsoNotSecret = env.entrySet().stream()
                .anyMatch(variable -> !SECRETS.contains(variable.getKey()) && (variable.getValue().contains(secret)
                        // quoted in the message, escapes and all: six backslashes quote as the twelve of a secret
                        || SectionReader.quote(variable.getValue()).contains(secret)));
        return alsoNotSecret ? null : secret;
    }

    private static Set<String> secretNames() {
        Set<String> names = new HashSet<>();
        SettingSchema.forEachSetting((path, node) -> {
            if (node == SettingSchema.Leaf.SECRET) {
                names.add(SettingSchema.envName(path));
            }
        });
        return Set.copyOf(names);
    }

    private static List<String> variableNames() {
        List<String> names = new ArrayList<>();
        SettingSchema.forEachSetting((path, node) -> names.add(SettingSchema.envName(path)));
        names.remove("QABOT_WEBHOOK_SECRET");
        names.addAll(List.of("QABOT_HTTP_PROT", "QABOT_", "QABOT_KNOWLEDGE", "QABOT_ADMIN_TOKEN"));
        return List.copyOf(names);
    }
}
