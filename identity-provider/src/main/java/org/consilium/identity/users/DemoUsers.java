package org.consilium.identity.users;

import org.consilium.events.Roles;

import java.util.List;
import java.util.Optional;

/**
 * The seeded people of the demo: at least one of every role. The same users are in
 * deploy/keycloak/consilium-realm.json; change both together.
 */
public final class DemoUsers {

    public static final List<ConsiliumUser> ALL = List.of(
            new ConsiliumUser("pat.lee", "Pat Lee", "pat.lee@example.org", List.of(Roles.PATIENT)),
            new ConsiliumUser("sam.lee", "Sam Lee", "sam.lee@example.org", List.of(Roles.CAREGIVER)),
            new ConsiliumUser("dr.rivera", "Dr Alex Rivera", "alex.rivera@example.org", List.of(Roles.REFERRER)),
            new ConsiliumUser("cora.nolan", "Cora Nolan", "cora.nolan@consilium.example", List.of(Roles.COORDINATOR)),
            // ids from mdt-scheduler's directory (specialists.json): a thoracic case's panel, chaired by the surgeon
            new ConsiliumUser("dr-eleanor-hughes", "Dr Eleanor Hughes", "eleanor.hughes@thames-oncology-institute.example", List.of(Roles.SPECIALIST)),
            new ConsiliumUser("dr-laura-bennett", "Dr Laura Bennett", "laura.bennett@thames-oncology-institute.example", List.of(Roles.SPECIALIST)),
            new ConsiliumUser("dr-rachel-adams", "Dr Rachel Adams", "rachel.adams@thames-oncology-institute.example", List.of(Roles.SPECIALIST)),
            new ConsiliumUser("dr-emily-carter", "Dr Emily Carter", "emily.carter@hudson-cancer-center.example", List.of(Roles.SPECIALIST)),
            new ConsiliumUser("ops.kim", "Kim Ops", "ops@consilium.example", List.of(Roles.OPS)));

    private DemoUsers() {
    }

    public static Optional<ConsiliumUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
