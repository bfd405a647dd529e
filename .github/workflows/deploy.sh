#!/usr/bin/env bash
# Deploys IMAGE_TAG to one environment with `helm upgrade --install --atomic`.
# booking-service is blue-green: the new version goes to the idle slot, becomes
# ready there (or the upgrade rolls back), and only then takes the traffic.
set -euo pipefail
environment="$1"
namespace=$([ "$environment" = production ] && echo boxoffice || echo "boxoffice-$environment")
values=(-f helm/values-production.yaml)
[ -f "helm/values-$environment.yaml" ] && [ "$environment" != production ] && values+=(-f "helm/values-$environment.yaml")

active=$(helm get values boxoffice -n "$namespace" --all -o json 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["booking-service"]["blueGreen"]["activeSlot"])' \
  || echo none)
if [ "$active" = blue ]; then idle=green; else idle=blue; fi

images=()
for service in $SERVICES; do
  images+=(--set-string "$service.image.registry=${IMAGE_PREFIX%%/*},$service.image.repository=${IMAGE_PREFIX#*/}/$service")
  # booking-service takes its tag per slot, below.
  [ "$service" = booking-service ] || images+=(--set-string "$service.image.tag=$IMAGE_TAG")
done
common=(upgrade --install boxoffice helm/boxoffice --namespace "$namespace" --create-namespace
  --atomic --wait --timeout 10m "${values[@]}" "${images[@]}")

if [ "$active" = none ]; then
  # First install: both slots run the new version, blue takes traffic.
  helm "${common[@]}" --set-string "booking-service.blueGreen.activeSlot=blue,booking-service.blueGreen.slots.blue.tag=$IMAGE_TAG,booking-service.blueGreen.slots.green.tag=$IMAGE_TAG"
  exit 0
fi
# 1. The idle slot gets the new version while the active slot keeps serving.
helm "${common[@]}" --reuse-values --set-string "booking-service.blueGreen.slots.$idle.tag=$IMAGE_TAG"
# 2. Cut over: the Service now selects the idle slot, already ready.
helm "${common[@]}" --reuse-values --set-string "booking-service.blueGreen.activeSlot=$idle"
echo "booking-service now serves from $idle; roll back with: helm upgrade boxoffice helm/boxoffice -n $namespace --reuse-values --set booking-service.blueGreen.activeSlot=$active"
