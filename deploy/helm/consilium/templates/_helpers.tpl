{{/* The name of a service's objects: <release>-<service>, e.g. consilium-intake-service. */}}
{{- define "consilium.name" -}}
{{- $root := index . 0 -}}
{{- $service := index . 1 -}}
{{- printf "%s-%s" $root.Release.Name $service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The in-cluster URL of a service, from its Service and port: (list $ "intake-service"). */}}
{{- define "consilium.serviceUrl" -}}
{{- $root := index . 0 -}}
{{- $service := index . 1 -}}
{{- $values := index $root.Values.services $service -}}
{{- printf "http://%s:%v" (include "consilium.name" (list $root $service)) $values.port -}}
{{- end -}}

{{/* The labels that select a service's pods. */}}
{{- define "consilium.selectorLabels" -}}
{{- $root := index . 0 -}}
{{- $service := index . 1 -}}
app.kubernetes.io/name: {{ $service }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end -}}

{{/* Every object's labels. */}}
{{- define "consilium.labels" -}}
{{- $root := index . 0 -}}
{{ include "consilium.selectorLabels" . }}
app.kubernetes.io/part-of: consilium
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" $root.Chart.Name $root.Chart.Version }}
{{- end -}}

{{/* A service's image: <registry>/<prefix><service>:<tag>. */}}
{{- define "consilium.image" -}}
{{- $root := index . 0 -}}
{{- $service := index . 1 -}}
{{- $image := $root.Values.image -}}
{{- $name := printf "%s%s:%s" $image.prefix $service (default $root.Chart.AppVersion $image.tag) -}}
{{- if $image.registry -}}
{{- printf "%s/%s" (trimSuffix "/" $image.registry) $name -}}
{{- else -}}
{{- $name -}}
{{- end -}}
{{- end -}}

{{/* The environment every service gets: the broker, the issuer, the profile, logs, traces, the JVM. */}}
{{- define "consilium.commonEnv" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers | quote }}
# topics the binders create themselves (the dead-letter topics error.<topic>.<group>) get the same partitions and
# replication as the chart's own (spring.cloud.stream.kafka.binder.*)
- name: SPRING_CLOUD_STREAM_KAFKA_BINDER_MINPARTITIONCOUNT
  value: {{ .Values.kafka.topics.partitions | quote }}
- name: SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATIONFACTOR
  value: {{ .Values.kafka.topics.replicationFactor | quote }}
- name: CONSILIUM_ISSUER_URI
  value: {{ required "issuerUri is required" .Values.issuerUri | quote }}
{{- with .Values.tokenClients }}
- name: CONSILIUM_TOKEN_CLIENTS
  value: {{ . | quote }}
{{- end }}
{{- with .Values.springProfiles }}
- name: SPRING_PROFILES_ACTIVE
  value: {{ . | quote }}
{{- end }}
{{- with .Values.logFormat }}
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: {{ . | quote }}
{{- end }}
{{- with .Values.otlpTracingEndpoint }}
- name: MANAGEMENT_OTLP_TRACING_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- with .Values.javaToolOptions }}
- name: JAVA_TOOL_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- end -}}
