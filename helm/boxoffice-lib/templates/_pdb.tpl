{{- define "boxoffice-lib.pdb" -}}
{{- $root := . -}}
{{- if .Values.podDisruptionBudget.enabled }}
{{- range $slot := include "boxoffice-lib.slots" . | fromJsonArray }}
{{- $ctx := dict "root" $root "slot" $slot }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "boxoffice-lib.slotName" $ctx }}
  labels:
    {{- include "boxoffice-lib.labels" $root | nindent 4 }}
spec:
  {{- with $root.Values.podDisruptionBudget }}
  {{- if not (eq (toString .minAvailable) "") }}
  minAvailable: {{ .minAvailable }}
  {{- else }}
  maxUnavailable: {{ .maxUnavailable }}
  {{- end }}
  {{- end }}
  # Lets a drain evict pods that never became ready instead of blocking on them.
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      {{- include "boxoffice-lib.slotSelectorLabels" $ctx | nindent 6 }}
{{- end }}
{{- end }}
{{- end }}
