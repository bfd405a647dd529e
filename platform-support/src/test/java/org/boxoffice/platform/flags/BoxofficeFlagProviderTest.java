package org.boxoffice.platform.flags;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The built-in provider behind a real OpenFeature client: values, reasons and variants from the definitions and the
 * runtime changes, the caller's default for an unknown flag, and every evaluation counted by the metrics hook.
 */
class BoxofficeFlagProviderTest {

    private static final UUID EVENT = UUID.randomUUID();

    private final FlagState state = new FlagState(FlagDefinitions.load(new ClassPathResource("boxoffice-flags.json")));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
    private final Flags flags;
    private final Client client;

    BoxofficeFlagProviderTest() {
        api.setProviderAndWait(new BoxofficeFlagProvider(state));
        api.addHooks(new FlagMetricsHook(meters));
        client = api.getClient();
        flags = new Flags(client, state);
    }

    @AfterEach
    void shutDown() {
        api.shutdown();
    }

    @Test
    void theShippedDefinitionsDefineEveryFlagTheServicesAskForWithADescription() {
        assertThat(state.definitions().flags()).containsOnlyKeys("holds.paused", "holds.best-available",
                "waiting-room", "notifications.sms", "notifications.whatsapp");
        assertThat(state.definitions().flags().values()).allSatisfy(definition ->
                assertThat(definition.description()).isNotBlank());
        assertThat(flags.isOn("holds.paused")).as("the kill switch is off by default").isFalse();
        assertThat(flags.isOn("holds.best-available")).isTrue();
    }

    @Test
    void aRuntimeChangeTargetsAnEventAndReportsWhichRuleDecided() {
        state.apply(new FlagDocument(1, Map.of("holds.paused",
                new FlagSetting(false, List.of(new FlagRule(true, null, null, List.of(EVENT), null))))));

        FlagEvaluationDetails<Boolean> paused = client.getBooleanDetails("holds.paused", false,
                FlagContext.account(UUID.randomUUID()).event(null, EVENT).toEvaluationContext());
        FlagEvaluationDetails<Boolean> other = client.getBooleanDetails("holds.paused", false,
                FlagContext.account(UUID.randomUUID()).event(null, UUID.randomUUID()).toEvaluationContext());

        assertThat(paused.getValue()).isTrue();
        assertThat(paused.getReason()).isEqualTo("TARGETING_MATCH");
        assertThat(paused.getVariant()).isEqualTo("rule-0");
        assertThat(other.getValue()).isFalse();
        assertThat(other.getReason()).isEqualTo("STATIC");
    }

    @Test
    void aPercentageRuleIsASplit() {
        state.apply(new FlagDocument(1, Map.of("notifications.sms",
                new FlagSetting(false, List.of(new FlagRule(true, null, null, null, 100))))));

        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("notifications.sms", false,
                FlagContext.account(UUID.randomUUID()).toEvaluationContext());

        assertThat(details.getValue()).isTrue();
        assertThat(details.getReason()).isEqualTo("SPLIT");
    }

    @Test
    void anUnknownFlagAnswersTheCallersDefaultWithFlagNotFound() {
        FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("no.such.flag", true);

        assertThat(details.getValue()).isTrue();
        assertThat(details.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(flags.isOn("no.such.flag")).as("the facade's default for an undefined flag").isFalse();
    }

    @Test
    void countsEveryEvaluationByFlagValueAndReason() {
        flags.isOn("holds.paused");
        flags.isOn("holds.paused");
        flags.isOn("no.such.flag");

        assertThat(meters.get(FlagMetricsHook.METER).tags("flag", "holds.paused", "value", "false", "reason", "STATIC",
                "error", "none").counter().count()).isEqualTo(2.0);
        assertThat(meters.get(FlagMetricsHook.METER).tags("flag", "no.such.flag", "error", "FLAG_NOT_FOUND")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void appliesOnlyANewerDocumentAndIgnoresFlagsTheFileDoesNotDefine() {
        assertThat(state.apply(new FlagDocument(2, Map.of("holds.paused", FlagSetting.fixed(true),
                "invented", FlagSetting.fixed(true))))).isTrue();
        assertThat(state.apply(new FlagDocument(1, Map.of()))).as("older").isFalse();
        assertThat(state.apply(new FlagDocument(2, Map.of()))).as("same").isFalse();

        assertThat(flags.isOn("holds.paused")).isTrue();
        assertThat(state.setting("invented")).isNull();

        state.apply(new FlagDocument(3, Map.of()));
        assertThat(flags.isOn("holds.paused")).as("a flag no longer changed is the file's again").isFalse();
    }

    @Test
    void refusesDefinitionsThatAreNotAFlagFile() {
        assertThatIllegalStateException().isThrownBy(() -> FlagDefinitions.load(
                new ByteArrayResource("{\"nothing\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThatIllegalStateException().isThrownBy(() -> FlagDefinitions.load(new ByteArrayResource(
                "{\"flags\": {\"x\": {\"defaultValue\": true, \"rules\": [{\"value\": true, \"percentage\": 120}]}}}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
}
