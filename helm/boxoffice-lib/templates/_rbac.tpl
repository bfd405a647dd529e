{{/*
The Kubernetes API for a service whose settings name apiRules (booking-service's pre-scaler): a Role with exactly
those rules (named resources, named verbs) bound to the service's own ServiceAccount. Nothing else gets a Role.
*/}}
{{- define "boxoffice-lib.rbac" -}}
{{- $settings := include "boxoffice-lib.settings" . | fromJson -}}
{{- if $settings.apiRules }}
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
rules:
  {{- toYaml $settings.apiRules | nindent 2 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ include "boxoffice-lib.name" . }}
subjects:
  - kind: ServiceAccount
    name: {{ include "boxoffice-lib.name" . }}
    # helm template without --namespace renders into "default", as helm does.
    namespace: {{ .Release.Namespace | default "default" }}
{{- end }}
{{- end }}
