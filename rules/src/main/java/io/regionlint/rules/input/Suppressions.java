package io.regionlint.rules.input;

import io.regionlint.engine.SuppressionUse;

/** How the suppression rules name a suppression's target in their messages. */
final class Suppressions {

    private Suppressions() {
    }

    /** " for 'stack/LogicalId'", or " for every resource" where the entry names none. */
    static String target(SuppressionUse use) {
        return use.target().map(t -> " for '" + t + "'").orElse(" for every resource");
    }
}
