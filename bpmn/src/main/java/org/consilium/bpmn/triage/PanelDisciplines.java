package org.consilium.bpmn.triage;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The disciplines a panel needs, as the process stores them: one comma-joined string variable
 * (readable in Cockpit and Tasklist, no object serialisation). Used by the output mapping of the
 * business rule task: {@code ${panelDisciplines.join(decisionResult.collectEntries('discipline'))}}.
 */
@Component("panelDisciplines")
public class PanelDisciplines {
    private static final String SEPARATOR = ",";

    public String join(Collection<?> disciplines) {
        return disciplines.stream().filter(Objects::nonNull).map(Object::toString).distinct()
                .collect(Collectors.joining(SEPARATOR));
    }

    public static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(SEPARATOR)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
