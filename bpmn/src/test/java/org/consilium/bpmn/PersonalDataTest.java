package org.consilium.bpmn;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CaseParty;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.PanelMember;
import org.consilium.events.Recipient;
import org.consilium.events.ReportContent;
import org.consilium.events.ReportDelivered;
import org.consilium.events.ReportReleased;
import org.consilium.events.Roles;
import org.consilium.events.SubmittedDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "personal data stays where it is sealed": a case runs from submission to delivery and follow-up with
 * a patient, a caregiver, a doctor, a panel and a report, and afterwards not one of their names, addresses, the
 * question, the first opinion or the report's words is anywhere in the engine's database: not in a process
 * variable (runtime or history), not in the inbox, not in a byte array. Every string of this case is unique to
 * it, so what other tests leave in the shared database cannot hide or fake a leak.
 */
class PersonalDataTest extends ProcessTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void noNameAddressQuestionOrReportWordReachesTheEnginesDatabase() throws SQLException {
        String caseId = newCaseId("personal");
        String marker = caseId.substring(caseId.length() - 8);
        List<String> secrets = List.of("Nour Patient " + marker, "nour." + marker + "@example.org",
                "Omar Caregiver " + marker, "omar." + marker + "@example.org", "Dr Karim " + marker,
                "karim." + marker + "@dubai-oncology.example", "Is surgery right for me " + marker,
                "Mastectomy first " + marker, "Dr Panel Chair " + marker, "chair." + marker + "@panel.example",
                "Recommend lumpectomy " + marker, "Plain summary " + marker, "scan-" + marker + ".pdf");
        ProcessInstance instance = submit(new CaseSubmitted(caseId, "breast", "ORGAN_REMOVAL", Cases.today().plusDays(35),
                secrets.get(6), secrets.get(7), new Recipient(secrets.get(2), secrets.get(3), "ar"), List.of("ar", "en"),
                "Asia/Dubai", "AE", Instant.now(), "Dubai Oncology Centre",
                List.of(new SubmittedDocument("att-" + marker, secrets.get(12), "application/pdf", 10L, "abc", null,
                        List.of())),
                List.of("review", "share-with-panel", "cross-border-transfer", "contact-current-doctor"),
                new Recipient(secrets.get(4), secrets.get(5), "en"),
                List.of(new CaseParty(Roles.PATIENT, secrets.get(1)), new CaseParty(Roles.CAREGIVER, secrets.get(3))),
                new Recipient(secrets.get(0), secrets.get(1), "ar"), new Recipient(secrets.get(2), secrets.get(3), "ar")));
        acceptIntake(instance);
        recordsComplete(instance);
        verifyDossier(instance);
        publish(new MdtScheduled(caseId, "session-" + caseId, Cases.SESSION, List.of(
                new PanelMember("dr-chair", secrets.get(8), "breast-surgeon", "Europe/London", true, secrets.get(9)))));
        awaitWaitingAt(instance, "NotifyMdtScheduled");
        runJob(instance, "NotifyMdtScheduled");
        awaitWaitingAt(instance, "AwaitMdtConcluded");
        ReportContent report = new ReportContent(false, secrets.get(10), secrets.get(11), null, List.of(), "dr-chair");
        publish(new MdtConcluded(caseId, report, Instant.now()));
        awaitWaitingAt(instance, "AwaitReportReleased");
        publish(new ReportReleased(caseId, 1, report, "cora.nolan", Instant.now()));
        awaitWaitingAt(instance, "DeliverReport");
        runJob(instance, "DeliverReport");
        awaitWaitingAt(instance, "AwaitReportDelivered");
        publish(new ReportDelivered(caseId, "deliver-" + caseId, Instant.now()));
        awaitWaitingAt(instance, "StartFollowUp");
        runJob(instance, "StartFollowUp");
        awaitEnded(instance);

        assertThat(everyStoredText()).as("the engine's database after the whole case").allSatisfy(text ->
                assertThat(secrets).noneMatch(text::contains));
    }

    /** Every character and binary value of every table of the engine's database, as text. */
    private List<String> everyStoredText() throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> texts = new ArrayList<>();
        List<Map<String, Object>> tables = jdbc.queryForList("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_TYPE IN ('BASE TABLE', 'TABLE') AND TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA', 'pg_catalog')");
        assertThat(tables).as("the engine's tables are found").hasSizeGreaterThan(10);
        for (Map<String, Object> table : tables) {
            String name = "\"" + table.get("TABLE_SCHEMA") + "\".\"" + table.get("TABLE_NAME") + "\"";
            jdbc.query("SELECT * FROM " + name, row -> {
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    Object value = row.getObject(column);
                    if (value instanceof byte[] bytes) {
                        texts.add(new String(bytes, StandardCharsets.UTF_8));
                    } else if (value instanceof Blob blob) {
                        texts.add(new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8));
                    } else if (value instanceof Clob clob) {
                        texts.add(clob.getSubString(1, (int) clob.length()));
                    } else if (value instanceof String text) {
                        texts.add(text);
                    }
                }
            });
        }
        return texts;
    }
}
