package org.consilium.console.worklist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.consilium.console.caseview.CaseStage;
import org.consilium.console.errors.BadInput;
import org.springframework.util.MultiValueMap;

/**
 * What the coordinator narrowed the list to, from the query string (a filtered list is a link). Anything that cannot
 * be a filter is refused naming its field (400), rather than silently showing an unfiltered list.
 *
 * @param stage    a stage as intake names it, or empty for all
 * @param urgency  ROUTINE, EXPEDITED, URGENT, or empty
 * @param tumour   the tumour group (the case's cancer type, e.g. {@code lung}), or empty
 * @param assignee a coordinator's user name, {@code nobody} for unclaimed tasks, or empty
 * @param mine     only the tasks the signed-in user has claimed
 * @param breached only the tasks whose clock has run out
 * @param search   the start of a case id (with or without {@code case-}) or whole words of the patient's name, or empty
 */
public record WorklistQuery(String stage, String urgency, String tumour, String assignee, boolean mine,
                            boolean breached, String search, Sort sort, int page, int size) {
    static final Set<String> URGENCIES = Set.of("ROUTINE", "EXPEDITED", "URGENT");
    static final int DEFAULT_SIZE = 25;
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** A case id's characters, or a name's: letters of any script, their marks, digits, spaces, . ' ’ _ - */
    private static final Pattern SEARCH = Pattern.compile("[\\p{L}\\p{M}\\p{N} .'’_-]{1,100}");

    public enum Sort {
        TIME_LEFT("time-left"), OLDEST("oldest"), NEWEST("newest");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Sort of(String param) {
            for (Sort sort : values()) {
                if (sort.param.equals(param)) {
                    return sort;
                }
            }
            throw new BadInput("sort", "sort must be one of time-left, oldest, newest");
        }
    }

    public static WorklistQuery all() {
        return new WorklistQuery("", "", "", "", false, false, "", Sort.TIME_LEFT, 1, DEFAULT_SIZE);
    }

    public static WorklistQuery of(MultiValueMap<String, String> params) {
        String stage = text(params, "stage");
        if (!stage.isEmpty() && !CaseStage.IN_ORDER.contains(stage)) {
            throw new BadInput("stage", "stage must be one of " + String.join(", ", CaseStage.IN_ORDER));
        }
        String urgency = text(params, "urgency");
        if (!urgency.isEmpty() && !URGENCIES.contains(urgency)) {
            throw new BadInput("urgency", "urgency must be URGENT, EXPEDITED or ROUTINE");
        }
        String tumour = text(params, "tumour").toLowerCase(Locale.ROOT);
        if (!tumour.isEmpty() && !CODE.matcher(tumour).matches()) {
            throw new BadInput("tumour", "tumour must be a tumour group's code, e.g. lung or head-and-neck");
        }
        String assignee = text(params, "assignee");
        if (!assignee.isEmpty() && !USER.matcher(assignee).matches()) {
            throw new BadInput("assignee", "assignee must be a user name, or nobody");
        }
        String search = text(params, "q");
        if (!search.isEmpty() && !SEARCH.matcher(search).matches()) {
            throw new BadInput("q", "q is part of a case id or a patient's name: letters, digits, spaces, '.', "
                    + "apostrophes, '_' or '-', at most 100");
        }
        String sort = text(params, "sort");
        return new WorklistQuery(stage, urgency, tumour, assignee, flag(params, "mine"), flag(params, "breached"),
                search, sort.isEmpty() ? Sort.TIME_LEFT : Sort.of(sort), number(params, "page", 1, 1, 100_000),
                number(params, "size", DEFAULT_SIZE, 5, 100));
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static boolean flag(MultiValueMap<String, String> params, String name) {
        String value = text(params, name);
        if (value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.equals("on")) {
            return true;
        }
        throw new BadInput(name, name + " must be true or false");
    }

    private static int number(MultiValueMap<String, String> params, String name, int otherwise, int min, int max) {
        String value = text(params, name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new BadInput(name, name + " must be a whole number from " + min + " to " + max);
    }

    /** @param nameTokens the hashes of the search's words (PatientNames), none when searching by name is off */
    Predicate<WorkItem> matcher(String username, Instant now, Set<String> nameTokens) {
        String searchedId = search.isEmpty() ? null : WorkItem.caseIdKey(search);
        return item -> (stage.isEmpty() || stage.equals(item.stage()))
                && (urgency.isEmpty() || urgency.equals(item.urgency()))
                && (tumour.isEmpty() || tumour.equalsIgnoreCase(item.cancerType()))
                && (assignee.isEmpty() || (assignee.equals("nobody") ? item.assignee() == null : item.assignedTo(assignee)))
                && (!mine || item.assignedTo(username))
                && (!breached || item.breached(now))
                && (search.isEmpty() || item.caseIdStartsWith(searchedId) || item.named(nameTokens));
    }

    public boolean filtered() {
        return !stage.isEmpty() || !urgency.isEmpty() || !tumour.isEmpty() || !assignee.isEmpty() || mine || breached
                || !search.isEmpty();
    }

    /** This list's own address (page included), for a form on it to come back to. */
    public String here() {
        return address(page);
    }

    public String pageAddress(int number) {
        return address(number);
    }

    private String address(int number) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("stage", stage);
        query.put("urgency", urgency);
        query.put("tumour", tumour);
        query.put("assignee", assignee);
        query.put("mine", mine ? "true" : "");
        query.put("breached", breached ? "true" : "");
        query.put("q", search);
        query.put("sort", sort == Sort.TIME_LEFT ? "" : sort.param());
        query.put("page", number == 1 ? "" : String.valueOf(number));
        query.put("size", size == DEFAULT_SIZE ? "" : String.valueOf(size));
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> {
            if (!value.isEmpty()) {
                text.append(text.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return "/worklist" + text;
    }
}
