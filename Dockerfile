# syntax=docker/dockerfile:1
# BuyHive API: CPU-only PyTorch, models baked in at build time, non-root, Uvicorn behind an ALB.
# Stages: base (shared env) -> builder (venv) -> models (weights) -> runtime (venv + weights + code).

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
WORKDIR /build
RUN python -m venv "$VIRTUAL_ENV"
COPY requirements.txt ./
# requirements.txt pins torch/torchvision; PyPI's builds of those carry CUDA (GBs). Take the CPU builds of the
# same versions from the PyTorch CPU index first, then constrain the full install to exactly what is installed.
RUN set -eux; \
    grep -E '^(torch|torchvision)==' requirements.txt > torch-pins.txt; \
    test "$(wc -l < torch-pins.txt)" -eq 2; \
    pip install --index-url https://download.pytorch.org/whl/cpu -r torch-pins.txt; \
    pip freeze | grep -E '^(torch|torchvision)==' > torch-cpu.txt; \
    pip install --constraint torch-cpu.txt -r requirements.txt; \
    python -c "import torch, torchvision; assert torch.version.cuda is None, torch.version.cuda"

# Only the script and the trained URL classifier enter this stage, so code changes do not re-download the weights.
# The script writes <target>/clip/<model>-<tag>.<ext> and <target>/url-classifier; the tests below fail the build
# if those are not where $CLIP_PRETRAINED and $URL_MODEL_PATH point.
FROM builder AS models
WORKDIR /build
COPY scripts/download_models.py scripts/download_models.py
COPY models models
RUN python scripts/download_models.py --target /opt/models \
    && test -s "$CLIP_PRETRAINED" \
    && test -d "$URL_MODEL_PATH"

FROM base AS runtime
ENV ENVIRONMENT=production \
    DATA_DIR=/tmp/buyhive \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    XDG_CACHE_HOME=/tmp/cache \
    TRUSTED_PROXIES=127.0.0.1
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
# `exec` makes Uvicorn the container's main process, so SIGTERM reaches it directly: it stops accepting
# connections, lets in-flight requests and the lifespan shutdown (outbox worker) finish within 45 s (the task
# definition's stopTimeout is 60 s).
# Proxy headers are honoured only from TRUSTED_PROXIES (the ALB subnets); keep-alive outlives the ALB's 60 s idle
# timeout so the ALB never reuses a connection Uvicorn has just closed.
CMD ["sh", "-c", "exec uvicorn main:create_app --factory --host 0.0.0.0 --port 8000 --proxy-headers --forwarded-allow-ips \"$TRUSTED_PROXIES\" --timeout-keep-alive 75 --timeout-graceful-shutdown 45 --no-server-header"]
