/**
 * qabot's configuration: one YAML file, overridden by environment variables, turned once at
 * start-up into immutable, validated records.
 *
 * <h2>Public surface</h2>
 * {@link io.qabot.config.ConfigLoader#load ConfigLoader.load(Optional&lt;Path&gt;, Map, Consumer)}
 * returns a {@link io.qabot.config.QabotConfig} or throws a
 * {@link io.qabot.config.ConfigException} whose one-line message names the setting and what is
 * wrong ({@code connectors.slack.signingSecret: missing}); the app prints it and exits 2.
 * Everything else public is a record or enum of the result, plus {@link io.qabot.config.Secret},
 * whose {@code toString()} never shows the value.
 *
 * <h2>How a load works (package-private stages, in order)</h2>
 * <ol>
 *   <li>{@code ConfigFileReader} parses the YAML into a Jackson tree (malformed YAML is
 *       reported with file and line);</li>
 *   <li>{@code SettingSchema} checks the tree: unknown keys fail with their full path
 *       ({@code connectors.slak: unknown setting}) before any value is read;</li>
 *   <li>{@code EnvironmentOverlay} lays the {@code QABOT_…} variables over the tree;</li>
 *   <li>{@code ConfigBinder}, through {@code SectionReader}, turns the tree into records,
 *       applying defaults and validating each value.</li>
 * </ol>
 * Binding from a tree rather than with Jackson's data binding keeps the messages in our hands:
 * they name YAML paths, not Java types.
 *
 * <h2>Environment variables</h2>
 * Every setting's variable is {@code QABOT_} plus its YAML path in upper case, with {@code .}
 * and camelCase boundaries turned into {@code _}: {@code connectors.slack.signingSecret} →
 * {@code QABOT_CONNECTORS_SLACK_SIGNING_SECRET}. The short names of the contract
 * ({@code QABOT_HTTP_PORT}, {@code QABOT_KNOWLEDGE}, {@code QABOT_DATA_DIR},
 * {@code QABOT_DATABASE_URL}, {@code QABOT_ADMIN_TOKEN}, {@code QABOT_WEBHOOK_SECRET}, …) are
 * exactly the names this rule gives the top-level settings, which is why {@code knowledge},
 * {@code dataDir}, {@code databaseUrl} and {@code adminToken} sit at the top level of the file.
 * Lists are comma-separated; {@code chats} entries are written {@code platform:chat:mode}.
 * Secrets can also be read from a file: {@code QABOT_ADMIN_TOKEN_FILE=/run/secrets/token}.
 * An empty variable counts as unset. Unknown {@code QABOT_…} variables are only warned about,
 * because the environment is shared with other programs (see {@code EnvironmentOverlay}).
 *
 * <p>The documented example of every setting is {@code config/qabot.example.yaml} (the repository path, read by the tests);
 * a test keeps it complete.
 */
package io.qabot.config;
