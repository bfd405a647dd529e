{{- define "boxoffice-lib.servicemonitor" -}}
{{- if include "boxoffice-lib.monitoringEnabled" (dict "root" . "flag" .Values.metrics.serviceMonitor.enabled) }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
spec:
  selector:
    matchLabels:
      {{- include "boxoffice-lib.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: {{ include "boxoffice-lib.managementPortName" . }}
      path: /actuator/prometheus
      interval: {{ .Values.metrics.serviceMonitor.interval }}
{{- end }}
{{- end }}
