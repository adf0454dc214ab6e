package org.consilium.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart as {@code helm template} renders it (Helm's own Go library through helm-java: the same engine, functions
 * and value merging as the helm command), parsed into one map per Kubernetes object.
 */
record RenderedChart(List<Map<String, Object>> objects) {

    /** The cluster rendered for (helm template alone assumes 1.20, older than the chart's kubeVersion floor). */
    static final String KUBE_VERSION = "1.30.0";

    static RenderedChart render(Path valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(Repository.chart()).template().withName("consilium").withNamespace("consilium")
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return parse(template.call());
    }

    static RenderedChart parse(String manifests) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(manifests)) {
            if (document instanceof Map<?, ?> object) {
                objects.add(Yamls.map(object));
            }
        }
        return new RenderedChart(objects);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(Yamls.at(o, "metadata.name"))).findFirst();
    }
}
