package org.consilium.console.room;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One case's review as mdt-scheduler shows it to the signed-in specialist ({@code GET /reviews/{caseId}}): the brief
 * (question, first opinion), the session, the panel, and the opinions it lets them see — none of the others' until
 * they have given their own ({@code othersOpinionsHidden}).
 */
public record ReviewFile(String caseId, String status, String cancerType, String urgency, String questionForPanel,
                         String firstOpinion, List<String> patientLanguages, String country, String tumourGroup,
                         Session session, List<Member> panel, List<String> uncoveredDisciplines,
                         List<Opinion> opinions, List<String> awaitingOpinionsFrom, Consensus consensus,
                         List<Question> questions, boolean othersOpinionsHidden) {

    public ReviewFile {
        patientLanguages = patientLanguages == null ? List.of() : List.copyOf(patientLanguages);
        panel = panel == null ? List.of() : List.copyOf(panel);
        uncoveredDisciplines = uncoveredDisciplines == null ? List.of() : List.copyOf(uncoveredDisciplines);
        opinions = opinions == null ? List.of() : List.copyOf(opinions);
        awaitingOpinionsFrom = awaitingOpinionsFrom == null ? List.of() : List.copyOf(awaitingOpinionsFrom);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public record Session(String id, Instant startsAt, Instant endsAt, String kind, String reason) {
    }

    public record Member(String specialistId, String name, String discipline, String timeZone, boolean chair,
                         boolean opinionSubmitted, boolean crossBorder, boolean guest) {
    }

    public record Opinion(String specialistId, String discipline, String recommendation, boolean agreesWithFirstOpinion,
                          String confidence, String informationMissing, Instant submittedAt) {
    }

    public record Consensus(String chairId, boolean confirmsFirstOpinion, String recommendation,
                            String plainLanguageSummary, String differenceExplanation, List<String> dissent,
                            String signedBy, Instant concludedAt) {

        public Consensus {
            dissent = dissent == null ? List.of() : List.copyOf(dissent);
        }
    }

    public record Question(String id, String question, Instant askedAt, String addressedTo, String answer,
                           String answeredBy, Instant answeredAt) {

        public boolean open() {
            return answer == null;
        }
    }

    public Optional<Member> member(String specialistId) {
        return panel.stream().filter(m -> m.specialistId().equals(specialistId)).findFirst();
    }

    public Optional<Opinion> opinionOf(String specialistId) {
        return opinions.stream().filter(o -> o.specialistId().equals(specialistId)).findFirst();
    }

    public boolean scheduled() {
        return "SCHEDULED".equals(status);
    }

    public boolean concluded() {
        return "CONCLUDED".equals(status);
    }

    public boolean chairedBy(String specialistId) {
        return member(specialistId).map(Member::chair).orElse(false);
    }

    /** The chair may sign once every member has given an opinion, and only while the review is scheduled. */
    public boolean consensusDue(String specialistId) {
        return scheduled() && chairedBy(specialistId) && awaitingOpinionsFrom.isEmpty();
    }

    public List<Question> questionsFor(String specialistId) {
        return questions.stream().filter(q -> q.open() && specialistId.equals(q.addressedTo())).toList();
    }
}
