{{- define "boxoffice-lib.hpa" -}}
{{- $root := . -}}
{{- if .Values.autoscaling.enabled }}
{{- $as := .Values.autoscaling -}}
{{- range $slot := include "boxoffice-lib.slots" . | fromJsonArray }}
{{- $ctx := dict "root" $root "slot" $slot }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "boxoffice-lib.slotName" $ctx }}
  labels:
    {{- include "boxoffice-lib.labels" $root | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "boxoffice-lib.slotName" $ctx }}
  minReplicas: {{ $as.minReplicas }}
  maxReplicas: {{ $as.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $as.targetCPUUtilizationPercentage }}
    {{- if $root.Values.global.metricsAdapter.enabled }}
    # CPU lags behind an on-sale burst; request rate sees it first.
    - type: Pods
      pods:
        metric:
          name: {{ $as.requestsPerSecond.metricName }}
        target:
          type: AverageValue
          averageValue: {{ $as.requestsPerSecond.averageValue | quote }}
    {{- end }}
  behavior:
    scaleUp:
      stabilizationWindowSeconds: {{ $as.behavior.scaleUp.stabilizationWindowSeconds }}
      selectPolicy: Max
      policies:
        - type: Percent
          value: {{ $as.behavior.scaleUp.percent }}
          periodSeconds: {{ $as.behavior.scaleUp.periodSeconds }}
        - type: Pods
          value: {{ $as.behavior.scaleUp.pods }}
          periodSeconds: {{ $as.behavior.scaleUp.periodSeconds }}
    scaleDown:
      stabilizationWindowSeconds: {{ $as.behavior.scaleDown.stabilizationWindowSeconds }}
      selectPolicy: Min
      policies:
        - type: Percent
          value: {{ $as.behavior.scaleDown.percent }}
          periodSeconds: {{ $as.behavior.scaleDown.periodSeconds }}
{{- end }}
{{- end }}
{{- end }}
