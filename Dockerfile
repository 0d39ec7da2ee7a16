# syntax=docker/dockerfile:1
# BuyHive API: CPU-only PyTorch, models baked in at build time, non-root, Uvicorn under tini behind an ALB.
# Stages: base (shared env) -> builder (venv) -> models (weights) -> runtime (venv + weights + code).
# Build with the Docker image format (podman/buildah: `--format docker`): the OCI format drops SHELL (RUN steps
# would lose pipefail) and HEALTHCHECK. scripts/test_image.sh builds and proves the image.

# A specific patch release; pin the digest too when promoting (see deploy/README.md).
ARG PYTHON_IMAGE=python:3.11.14-slim-trixie

FROM ${PYTHON_IMAGE} AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    CLIP_PRETRAINED=/opt/models/clip/ViT-B-32-laion2b_s34b_b79k.safetensors \
    URL_MODEL_PATH=/opt/models/url-classifier

FROM base AS builder
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# Where torch/torchvision come from, and whether a CUDA build fails the build. The defaults are the release image's
# (GitHub Actions); a local proof where that index is unreachable passes TORCH_INDEX_URL= REQUIRE_CPU_TORCH=0.
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG REQUIRE_CPU_TORCH=1
WORKDIR /build
RUN python -m venv "$VIRTUAL_ENV"
COPY requirements.txt scripts/slim_venv.py ./
# requirements.txt pins torch/torchvision; PyPI's builds of those carry CUDA (GBs). Take the CPU builds of the
# same versions from the PyTorch CPU index first, then constrain the full install to exactly what is installed.
# slim_venv.py removes what the service never runs (torch's C++ headers and test binaries, packages' test suites,
# unused transformers models: ~0.3 GB; the models stage below then loads both models from this venv).
# pip, setuptools and wheel leave the venv afterwards: the runtime installs nothing, and they only add CVEs.
RUN set -eux; \
    grep -E '^(torch|torchvision)==' requirements.txt > torch-pins.txt; \
    test "$(wc -l < torch-pins.txt)" -eq 2; \
    if [ -n "$TORCH_INDEX_URL" ]; then pip install --index-url "$TORCH_INDEX_URL" -r torch-pins.txt; \
    else pip install -r torch-pins.txt; fi; \
    pip freeze | grep -E '^(torch|torchvision)==' > torch-cpu.txt; \
    pip install --constraint torch-cpu.txt -r requirements.txt; \
    if [ "$REQUIRE_CPU_TORCH" = 1 ]; then \
        python -c "import torch, torchvision; assert torch.version.cuda is None, torch.version.cuda"; fi; \
    python slim_venv.py "$VIRTUAL_ENV"; \
    pip uninstall --yes pip setuptools wheel

# Only the script and the trained URL classifier enter this stage, so code changes do not re-download the weights.
# The script writes <target>/clip/<model>-<tag>.safetensors (float16, checked against the float32 download) and
# <target>/url-classifier, loading each from the slimmed venv; the tests below fail the build if those are not where
# $CLIP_PRETRAINED and $URL_MODEL_PATH point.
# BAKE_CLIP=0 (a local proof without network access to Hugging Face) leaves CLIP out: the verifier then reports
# itself unavailable on /health and images are ranked by heuristics. Release images always bake it.
FROM builder AS models
ARG BAKE_CLIP=1
WORKDIR /build
COPY scripts/download_models.py scripts/download_models.py
COPY models models
RUN if [ "$BAKE_CLIP" = 1 ]; then \
        python scripts/download_models.py --target /opt/models && test -s "$CLIP_PRETRAINED"; \
    else python scripts/download_models.py --target /opt/models --skip-clip; fi \
    && test -d "$URL_MODEL_PATH"

FROM base AS runtime
ENV ENVIRONMENT=production \
    DATA_DIR=/tmp/buyhive \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    XDG_CACHE_HOME=/tmp/cache \
    TRUSTED_PROXIES=127.0.0.1
# tini is PID 1: it forwards SIGTERM to Uvicorn and reaps orphans. Run as PID 1 itself, Uvicorn's own re-raised
# SIGTERM is ignored by the kernel and the process lingers in interpreter teardown (see README, "Container").
# -s: also correct when ECS's init (initProcessEnabled) is PID 1 and tini runs under it.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install --yes --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log
RUN groupadd --system --gid 10001 buyhive \
    && useradd --system --uid 10001 --gid buyhive --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin buyhive
# The task runs with a read-only root filesystem and a bind mount on /tmp; declaring the volume makes Fargate give
# that mount the image's /tmp permissions (world-writable, sticky) instead of root-only 0755.
VOLUME ["/tmp"]
COPY --from=builder /opt/venv /opt/venv
COPY --from=models /opt/models /opt/models
WORKDIR /app
# Code and weights stay root-owned: the service user can read them, not change them.
COPY main.py ./
COPY app ./app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=4).status != 200)"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["tini", "-s", "--"]
# `exec` makes Uvicorn tini's child, so the SIGTERM tini forwards reaches it directly: it stops accepting
# connections, lets in-flight requests and the lifespan shutdown (outbox worker) finish within 45 s (the task
# definition's stopTimeout is 60 s).
# Proxy headers are honoured only from TRUSTED_PROXIES (the ALB subnets); keep-alive outlives the ALB's 60 s idle
# timeout so the ALB never reuses a connection Uvicorn has just closed.
CMD ["sh", "-c", "exec uvicorn main:create_app --factory --host 0.0.0.0 --port 8000 --proxy-headers --forwarded-allow-ips \"$TRUSTED_PROXIES\" --timeout-keep-alive 75 --timeout-graceful-shutdown 45 --no-server-header"]
