package org.consilium.identity.users;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.consilium.events.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The seeded people of the demo: one of every role, and every specialist of mdt-scheduler's directory.
 * deploy/keycloak/consilium-realm.json has the same people and a sample of the specialists (in
 * production specialists are real accounts); change both together.
 */
public final class DemoUsers {
    /** mdt-scheduler's directory, copied in at build time (pom): every specialist there can sign in. */
    static final String DIRECTORY = "/demo/specialists.json";

    public static final List<ConsiliumUser> PEOPLE = List.of(
            new ConsiliumUser("pat.lee", "Pat Lee", "pat.lee@example.org", List.of(Roles.PATIENT)),
            new ConsiliumUser("sam.lee", "Sam Lee", "sam.lee@example.org", List.of(Roles.CAREGIVER)),
            new ConsiliumUser("dr.rivera", "Dr Alex Rivera", "alex.rivera@example.org", List.of(Roles.REFERRER)),
            new ConsiliumUser("cora.nolan", "Cora Nolan", "cora.nolan@consilium.example", List.of(Roles.COORDINATOR)),
            // a second coordinator: a desk is a team (claims, assignments, an edit landing while another is read)
            new ConsiliumUser("ana.okafor", "Ana Okafor", "ana.okafor@consilium.example", List.of(Roles.COORDINATOR)),
            // a coordinator who reads Simplified Chinese: her sign-in carries locale zh-CN, so the console's staff pages
            // open in Chinese for her (issue 13); not among CONSOLE_COORDINATORS' defaults, so assignments stay as they were
            new ConsiliumUser("wei.chen", "陈薇 Chen Wei", "wei.chen@consilium.example", List.of(Roles.COORDINATOR), "zh-CN"),
            new ConsiliumUser("ops.kim", "Kim Ops", "ops@consilium.example", List.of(Roles.OPS)));

    /** Each specialist signs in with their directory id, so a service can compare the token with the panel. */
    public static final List<ConsiliumUser> SPECIALISTS = specialists();

    public static final List<ConsiliumUser> ALL = Stream.concat(PEOPLE.stream(), SPECIALISTS.stream()).toList();

    private DemoUsers() {
    }

    public static Optional<ConsiliumUser> find(String username) {
        return ALL.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    private record DirectoryEntry(String id, String name, String email) {
    }

    private static List<ConsiliumUser> specialists() {
        try (InputStream in = DemoUsers.class.getResourceAsStream(DIRECTORY)) {
            if (in == null) {
                throw new IllegalStateException(DIRECTORY + " is missing: it is copied from mdt-scheduler at build time");
            }
            List<DirectoryEntry> entries = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, new TypeReference<List<DirectoryEntry>>() { });
            return entries.stream()
                    .map(e -> new ConsiliumUser(e.id(), e.name(), e.email(), List.of(Roles.SPECIALIST)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the specialists' directory " + DIRECTORY, e);
        }
    }
}
