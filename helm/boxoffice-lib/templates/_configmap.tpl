{{- define "boxoffice-lib.configmap" -}}
{{- $g := .Values.global -}}
{{- $settings := include "boxoffice-lib.settings" . | fromJson -}}
apiVersion: v1
kind: ConfigMap
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
data:
  SERVER_PORT: {{ .Values.port | quote }}
  {{- with .Values.managementPort }}
  # Probes and metrics on a management server of their own (docs/operations.md, "Management port").
  BOXOFFICE_MANAGEMENT_PORT: {{ . | quote }}
  MANAGEMENT_SERVER_PORT: {{ . | quote }}
  MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADDADDITIONALPATHS: "false"
  MANAGEMENT_ENDPOINT_HEALTH_GROUP_LIVENESS_ADDITIONALPATH: management:/livez
  MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_ADDITIONALPATH: management:/readyz
  {{- end }}
  LOGGING_STRUCTURED_FORMAT_CONSOLE: ecs
  JAVA_TOOL_OPTIONS: {{ include "boxoffice-lib.javaToolOptions" . | quote }}
  # The p99 latency alert needs histogram buckets, not client-side percentiles.
  MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILES_HISTOGRAM_HTTP_SERVER_REQUESTS: "true"
  BOXOFFICE_REDIS_HOST: {{ $g.redis.host | quote }}
  BOXOFFICE_REDIS_PORT: {{ $g.redis.port | quote }}
  {{- if .Values.database }}
  BOXOFFICE_DB_URL: {{ $g.postgres.url | quote }}
  BOXOFFICE_DB_USER: {{ $g.postgres.username | quote }}
  BOXOFFICE_DB_POOL_SIZE: {{ .Values.dbPoolSize | quote }}
  # The event bus: whose events this service accepts, by their producers' public keys.
  BOXOFFICE_EVENTS_TRUSTED_KEYS: {{ include "boxoffice-lib.trustedKeys" . | quote }}
  {{- end }}
  {{- /* The iss user-service signs into every token and every service (user-service too) requires. */}}
  BOXOFFICE_JWT_ISSUER: {{ $g.jwt.issuer | quote }}
  {{- if .Values.verifiesTokens }}
  BOXOFFICE_JWT_JWKS_URI: {{ $g.jwt.jwksUri | default (printf "%s/.well-known/jwks.json" (include "boxoffice-lib.url" (dict "root" . "service" "user-service"))) | quote }}
  {{- end }}
  {{- if $g.otel.endpoint }}
  MANAGEMENT_TRACING_EXPORT_ENABLED: "true"
  MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT: {{ $g.otel.endpoint | quote }}
  {{- else }}
  MANAGEMENT_TRACING_EXPORT_ENABLED: "false"
  {{- end }}
  BOXOFFICE_TRACE_SAMPLING: {{ $g.otel.samplingProbability | toString | quote }}
  {{- with $g.flags }}
  {{- /* Feature flags (docs/feature-flags.md): another OpenFeature provider, and the definitions file. */}}
  {{- with .provider }}
  BOXOFFICE_FLAGS_PROVIDER: {{ . | quote }}
  {{- end }}
  {{- with .definitions }}
  BOXOFFICE_FLAGS_DEFINITIONS: {{ . | quote }}
  {{- end }}
  {{- range $key, $value := .providerEnv }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
  {{- end }}
  {{- range $key, $value := $settings.env }}
  {{ $key }}: {{ $value | toString | quote }}
  {{- end }}
{{- end }}
