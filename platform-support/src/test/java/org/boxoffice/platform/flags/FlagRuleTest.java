package org.boxoffice.platform.flags;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FlagRuleTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID OTHER_ORG = UUID.randomUUID();
    private static final UUID EVENT = UUID.randomUUID();

    @Test
    void matchesOnlyCallersWithOneOfItsRoles() {
        FlagRule admins = new FlagRule(true, List.of("ADMIN"), null, null, null);

        assertThat(admins.matches("f", FlagContext.account(UUID.randomUUID()).roles(List.of("BUYER", "ADMIN"))))
                .isTrue();
        assertThat(admins.matches("f", FlagContext.account(UUID.randomUUID()).roles(List.of("BUYER")))).isFalse();
        assertThat(admins.matches("f", FlagContext.platform())).isFalse();
    }

    @Test
    void matchesOnlyItsOrganizationsAndEventsAndEveryConditionMustHold() {
        FlagRule rule = new FlagRule(false, null, List.of(ORG), List.of(EVENT), null);

        assertThat(rule.matches("f", FlagContext.platform().event(ORG, EVENT))).isTrue();
        assertThat(rule.matches("f", FlagContext.platform().event(OTHER_ORG, EVENT))).as("other organization").isFalse();
        assertThat(rule.matches("f", FlagContext.platform().event(ORG, UUID.randomUUID()))).as("other event").isFalse();
        assertThat(rule.matches("f", FlagContext.platform())).as("no event in question").isFalse();
    }

    @Test
    void aRuleWithoutConditionsMatchesEveryone() {
        assertThat(new FlagRule(true, null, null, null, null).matches("f", FlagContext.platform())).isTrue();
    }

    @Test
    void percentageTakesAStableShareOfAccountsThatOnlyGrowsWithThePercentage() {
        List<UUID> accounts = IntStream.range(0, 4_000).mapToObj(i -> UUID.randomUUID()).toList();
        FlagRule tenPercent = new FlagRule(true, null, null, null, 10);
        FlagRule fiftyPercent = new FlagRule(true, null, null, null, 50);

        Set<UUID> inTen = accounts.stream().filter(a -> tenPercent.matches("f", FlagContext.account(a)))
                .collect(java.util.stream.Collectors.toSet());
        Set<UUID> inFifty = accounts.stream().filter(a -> fiftyPercent.matches("f", FlagContext.account(a)))
                .collect(java.util.stream.Collectors.toSet());

        assertThat(inTen.size()).isBetween(300, 500);
        assertThat(inFifty.size()).isBetween(1_800, 2_200);
        assertThat(inFifty).as("raising the share only adds accounts").containsAll(inTen);
        assertThat(accounts.stream().filter(a -> tenPercent.matches("f", FlagContext.account(a))))
                .as("the same accounts every time").containsExactlyInAnyOrderElementsOf(inTen);
        assertThat(new FlagRule(true, null, null, null, 0).matches("f", FlagContext.account(accounts.get(0))))
                .isFalse();
        assertThat(new FlagRule(true, null, null, null, 100).matches("f", FlagContext.account(accounts.get(0))))
                .isTrue();
    }

    @Test
    void eachFlagSplitsAccountsIndependently() {
        List<UUID> accounts = IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID()).toList();
        FlagRule half = new FlagRule(true, null, null, null, 50);

        long inBoth = accounts.stream().filter(a -> half.matches("one", FlagContext.account(a))
                && half.matches("other", FlagContext.account(a))).count();

        assertThat(inBoth).as("about a quarter, not the same half twice").isBetween(350L, 650L);
    }

    @Test
    void aCallerWithoutAnAccountIsNeverInAPercentage() {
        assertThat(new FlagRule(true, null, null, null, 100).matches("f", FlagContext.platform())).isFalse();
    }

    @Test
    void refusesAPercentageOutsideZeroToHundred() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FlagRule(true, null, null, null, 101));
        assertThatIllegalArgumentException().isThrownBy(() -> new FlagRule(true, null, null, null, -1));
    }

    @Test
    void theFirstMatchingRuleDecidesElseTheDefault() {
        FlagSetting setting = new FlagSetting(true, List.of(
                new FlagRule(false, null, null, List.of(EVENT), null),
                new FlagRule(true, null, List.of(ORG), null, null)));

        assertThat(setting.resolve("f", FlagContext.platform().event(ORG, EVENT)))
                .isEqualTo(new FlagSetting.Resolution(false, 0, false));
        assertThat(setting.resolve("f", FlagContext.platform().event(ORG, UUID.randomUUID())))
                .isEqualTo(new FlagSetting.Resolution(true, 1, false));
        assertThat(setting.resolve("f", FlagContext.platform())).isEqualTo(new FlagSetting.Resolution(true, -1, false));
    }

    @Test
    void aSettingSurvivesItsJson() {
        FlagSetting setting = new FlagSetting(false, List.of(new FlagRule(true, List.of("ADMIN"), List.of(ORG),
                List.of(EVENT), 25)));

        assertThat(FlagSetting.fromJson(setting.toJson())).isEqualTo(setting);
        FlagDocument document = new FlagDocument(7, java.util.Map.of("holds.paused", setting));
        assertThat(FlagDocument.fromJson(document.toJson())).isEqualTo(document);
    }
}
