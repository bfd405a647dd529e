{{- define "boxoffice-lib.ingress" -}}
{{- $ing := .Values.ingress -}}
{{- if $ing.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
  {{- with $ing.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  ingressClassName: {{ $ing.className }}
  {{- if $ing.tls.enabled }}
  tls:
    - hosts: [{{ $ing.host | quote }}]
      secretName: {{ $ing.tls.secretName }}
  {{- end }}
  rules:
    - host: {{ $ing.host | quote }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "boxoffice-lib.name" . }}
                port:
                  name: http
{{- end }}
{{- end }}
