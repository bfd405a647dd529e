{{- define "boxoffice-lib.prometheusrule" -}}
{{- $rules := .Values.metrics.prometheusRule -}}
{{- if include "boxoffice-lib.monitoringEnabled" (dict "root" . "flag" $rules.enabled) }}
{{- $name := include "boxoffice-lib.name" . -}}
{{- $job := printf "job=%q" $name -}}
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
spec:
  groups:
    - name: {{ $name }}
      rules:
        - alert: BoxofficeHighErrorRate
          expr: |
            sum(rate(http_server_requests_seconds_count{ {{- $job }},status=~"5.."}[5m]))
              / sum(rate(http_server_requests_seconds_count{ {{- $job }}}[5m])) * 100 > {{ $rules.errorRatePercent }}
          for: 5m
          labels:
            severity: critical
            service: {{ $name }}
          annotations:
            summary: {{ printf "%s answers more than %v%% of requests with 5xx" $name $rules.errorRatePercent | quote }}
        - alert: BoxofficeHighLatencyP99
          expr: |
            histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{ {{- $job }}}[5m]))) > {{ $rules.p99LatencySeconds }}
          for: 10m
          labels:
            severity: warning
            service: {{ $name }}
          annotations:
            summary: {{ printf "%s p99 latency above %vs" $name $rules.p99LatencySeconds | quote }}
        - alert: BoxofficeConsumerLag
          expr: |
            max by (stream, group) (boxoffice_stream_consumer_lag{ {{- $job }}}) > {{ $rules.consumerLag }}
          for: 10m
          labels:
            severity: warning
            service: {{ $name }}
          annotations:
            summary: {{ printf "%s falls behind on a Redis stream" $name | quote }}
        - alert: BoxofficeDeadLetters
          expr: |
            sum by (stream) (increase(boxoffice_stream_dead_letters_total{ {{- $job }}}[15m])) > 0
          labels:
            severity: critical
            service: {{ $name }}
          annotations:
            summary: {{ printf "%s moved events to the dead-letter stream" $name | quote }}
        {{- with $rules.additionalRules }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
{{- end }}
{{- end }}
