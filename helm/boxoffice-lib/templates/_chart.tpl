{{/* Every resource of one service; a service chart's only template includes this. */}}
{{- define "boxoffice-lib.chart" -}}
{{- range $kind := list "serviceaccount" "rbac" "configmap" "secret" "service" "deployment" "hpa" "pdb" "networkpolicy" "ingress" "servicemonitor" "prometheusrule" "mesh" }}
{{- $doc := include (printf "boxoffice-lib.%s" $kind) $ | trim | trimPrefix "---" | trim }}
{{- if $doc }}
---
{{ $doc }}
{{- end }}
{{- end }}
{{- end }}
