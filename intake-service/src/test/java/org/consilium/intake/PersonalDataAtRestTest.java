package org.consilium.intake;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6: the people of a case are sealed in the shared database, and whole through the API. */
class PersonalDataAtRestTest extends IntakeContextTest {
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void thePatientTheCaregiverAndTheDoctorAreStoredSealed() {
        String caseId = IntakeAccessTest.submit(http, Intakes.lung("budi.sealed@example.org", "siti.sealed@example.org",
                "dr.sealed@example.org"));

        Document stored = mongo.findById(caseId, Document.class, "cases").block();
        assertThat(stored.toJson()).doesNotContain("Budi Santoso", "Siti Santoso", "budi.sealed@", "siti.sealed@",
                "dr.sealed@");
        Document intake = stored.get("intake", Document.class);
        for (String person : new String[] {"patient", "proxy", "currentTreatingTeam"}) {
            assertThat(intake.get(person, Document.class).getString("sealed")).as(person).startsWith("enc:v1:");
        }
        assertThat(intake.get("diagnosis", Document.class).getString("cancerType"))
                .as("the medical questionnaire stays queryable").isEqualTo("LUNG");

        http.get().uri("/cases/{id}/$export", caseId).exchange().expectStatus().isOk()
                .expectBody(String.class).value(bundle -> assertThat(bundle).contains("Budi Santoso"));
    }
}
