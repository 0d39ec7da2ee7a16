"""Where model inference runs: a small dedicated thread pool, and torch sized to the CPUs this process may use."""

from __future__ import annotations

import asyncio
import functools
import math
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

# Two workers: a quick URL classification need not queue behind a CLIP batch, and more would only
# oversubscribe the few cores a container gets (torch already parallelises inside each call).
_INFERENCE_WORKERS = 2
_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_torch_configured = False
_torch_lock = threading.Lock()


def available_cpus() -> int:
    """CPUs granted to this process: the cgroup v2 quota (ECS/Docker limits) if any, else the affinity mask."""
    cpus = len(os.sched_getaffinity(0))
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
    except (OSError, ValueError):
        return cpus
    if quota == "max":
        return cpus
    return max(1, min(cpus, math.ceil(int(quota) / int(period))))


def configure_torch() -> None:
    """Set torch's intra-op thread count once per process, before the first model runs."""
    global _torch_configured
    with _torch_lock:
        if _torch_configured:
            return
        import torch

        torch.set_num_threads(available_cpus())
        _torch_configured = True


def _inference_executor() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=_INFERENCE_WORKERS, thread_name_prefix="ml-inference")
        return _executor


async def run_inference(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking model work (loading included) off the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_inference_executor(), functools.partial(function, *args, **kwargs))
