{{- define "boxoffice-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  {{- include "boxoffice-lib.metadata" . | nindent 2 }}
spec:
  type: ClusterIP
  selector:
    {{- include "boxoffice-lib.serviceSelector" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.port }}
      targetPort: http
      protocol: TCP
    {{- with .Values.managementPort }}
    # For the ServiceMonitor; the Ingress routes to `http` only.
    - name: management
      port: {{ . }}
      targetPort: management
      protocol: TCP
    {{- end }}
{{- end }}
