package org.consilium.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which of an operation's variants a run sends. Full size ({@code -Dhostile.full=true}): every one,
 * for every role. CI size: for the coordinator (who passes most access checks, so reaches the
 * validation) one variant of every kind; for every other role one variant of each of
 * {@code otherRoleKinds} kinds. Chosen with a seed of operation and role, so a run repeats the last
 * one exactly and a failure reproduces.
 */
record Sampling(boolean full, int otherRoleKinds) {

    static Sampling fromSystemProperties() {
        return new Sampling(Boolean.getBoolean("hostile.full"), Integer.getInteger("hostile.other-role-kinds", 2));
    }

    List<HostileRequest> pick(List<HostileRequest> all, ApiOperation operation, Caller caller) {
        if (full) {
            return all;
        }
        Random random = new Random((operation.key() + " " + caller.role()).hashCode());
        Map<String, List<HostileRequest>> byKind = new LinkedHashMap<>();
        all.forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        List<String> kinds = new ArrayList<>(byKind.keySet());
        if (!caller.equals(Caller.COORDINATOR)) {
            Collections.shuffle(kinds, random);
            kinds = kinds.subList(0, Math.min(otherRoleKinds, kinds.size()));
        }
        List<HostileRequest> picked = new ArrayList<>();
        for (String kind : kinds) {
            List<HostileRequest> ofKind = byKind.get(kind);
            picked.add(ofKind.get(random.nextInt(ofKind.size())));
        }
        return picked;
    }
}
