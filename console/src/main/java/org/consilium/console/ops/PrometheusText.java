package org.consilium.console.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a Prometheus text exposition ({@code /actuator/prometheus}, format 0.0.4): name, labels, value.
 * Only what the pipeline page reads; comments, timestamps and malformed lines are skipped.
 */
final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
                }
            }
            value(sample.group(4)).ifPresent(value -> samples.add(new Sample(sample.group(1), labels, value)));
        }
        return samples;
    }

    private static OptionalDouble value(String text) {
        return switch (text) {
            case "+Inf" -> OptionalDouble.of(Double.POSITIVE_INFINITY);
            case "-Inf" -> OptionalDouble.of(Double.NEGATIVE_INFINITY);
            default -> {
                try {
                    yield OptionalDouble.of(Double.parseDouble(text));
                } catch (NumberFormatException notANumber) {
                    yield OptionalDouble.empty();
                }
            }
        };
    }
}
