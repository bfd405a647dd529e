package org.boxoffice.user.flag;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.boxoffice.platform.flags.FlagDefinitions;
import org.boxoffice.platform.flags.FlagDocument;
import org.boxoffice.platform.flags.FlagSetting;
import org.boxoffice.platform.flags.FlagState;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins read and change the platform's feature flags; the caller is an admin ({@code FlagAdminController} asks
 * {@link CurrentUser#requireAdmin(String)} first) and is named in the audit. A change is stored (the flag's row, and
 * the audit of who changed what when, in one transaction), then published for every replica ({@link FlagPublication});
 * this replica applies it at once. Changing a flag to the setting it has is no change (nothing audited).
 */
@Service
public class FlagAdministration {

    private final FlagOverrides overrides;
    private final FlagChanges changes;
    private final FlagState state;
    private final FlagPublication publication;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FlagAdministration(FlagOverrides overrides, FlagChanges changes, FlagState state, FlagPublication publication,
            TransactionTemplate transactions, Clock clock) {
        this.overrides = overrides;
        this.changes = changes;
        this.state = state;
        this.publication = publication;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<FlagView> list() {
        Map<String, FlagOverride> changed = new HashMap<>();
        overrides.findAll().forEach(override -> changed.put(override.name(), override));
        return definitions().flags().keySet().stream().sorted()
                .map(name -> view(name, Optional.ofNullable(changed.get(name)))).toList();
    }

    public FlagView get(String flag) {
        requireDefined(flag);
        return view(flag, overrides.findById(flag));
    }

    /** Sets the flag's runtime setting, audited; a later concurrent change of the same flag fails (409). */
    public FlagView change(CurrentUser caller, String flag, FlagSetting setting) {
        requireDefined(flag);
        FlagView changed = write(() -> {
            Optional<FlagOverride> current = overrides.findById(flag);
            FlagSetting before = current.map(FlagOverride::setting).orElse(null);
            if (setting.equals(before)) {
                return false;
            }
            FlagOverride override = current.orElseGet(() -> new FlagOverride(flag, setting, caller.id(),
                    clock.instant()));
            override.change(setting, caller.id(), clock.instant());
            overrides.saveAndFlush(override);
            changes.save(new FlagChange(nextVersion(), flag, caller.id(), caller.email(), before, setting,
                    clock.instant()));
            return true;
        }, flag);
        return changed;
    }

    /** Drops the flag's runtime setting: the definitions file's applies again (audited). */
    public FlagView reset(CurrentUser caller, String flag) {
        requireDefined(flag);
        return write(() -> {
            Optional<FlagOverride> current = overrides.findById(flag);
            if (current.isEmpty()) {
                return false;
            }
            overrides.delete(current.get());
            overrides.flush();
            changes.save(new FlagChange(nextVersion(), flag, caller.id(), caller.email(), current.get().setting(),
                    null, clock.instant()));
            return true;
        }, flag);
    }

    /** The flag's last 100 changes, newest first. */
    public List<FlagChangeView> changes(String flag) {
        requireDefined(flag);
        return changes.findTop100ByFlagOrderByIdDesc(flag).stream().map(FlagChangeView::of).toList();
    }

    /** The runtime changes as every replica applies them; the version is the newest audited change's. */
    FlagDocument document() {
        Map<String, FlagSetting> settings = new HashMap<>();
        overrides.findAll().forEach(override -> settings.put(override.name(), override.setting()));
        return new FlagDocument(latestVersion(), settings);
    }

    /**
     * Above every earlier version and at least now in milliseconds: versions grow even when this table was restored
     * from an older backup, so replicas (and Redis) that saw a later version still take the next change.
     */
    private long nextVersion() {
        return Math.max(clock.millis(), latestVersion() + 1);
    }

    private long latestVersion() {
        return changes.findTopByOrderByVersionDesc().map(FlagChange::version).orElse(0L);
    }

    private FlagView write(java.util.function.Supplier<Boolean> change, String flag) {
        Boolean changed = transactions.execute(status -> change.get());
        if (Boolean.TRUE.equals(changed)) {
            publication.publishNow();
        }
        return view(flag, overrides.findById(flag));
    }

    private FlagView view(String name, Optional<FlagOverride> override) {
        FlagDefinitions.Definition definition = definitions().flags().get(name);
        FlagSetting defaults = java.util.Objects.requireNonNull(definition).defaults();
        @Nullable FlagOverride changed = override.orElse(null);
        return new FlagView(name, definition.description(), changed == null ? defaults : changed.setting(), defaults,
                changed != null, changed == null ? null : changed.updatedAt(),
                changed == null ? null : changed.updatedBy());
    }

    private FlagDefinitions definitions() {
        return state.definitions();
    }

    private void requireDefined(String flag) {
        if (!definitions().exists(flag)) {
            throw new FlagNotFound(flag);
        }
    }
}
