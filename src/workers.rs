//! Work spread over threads of our own, one per core, rather than rayon's
//! pool: Typst uses rayon inside a compilation, and a letter started on a
//! rayon worker may wait on stolen work of another letter, piling letters
//! up on one stack.
//!
//! Each worker is, besides, the only thread of a rayon pool of its own, so
//! that Typst's parallel loops inside a letter run on the worker itself: a
//! letter is never handed to another thread and waited for, and no idle
//! rayon thread spins on a core that another letter needs. The cores are
//! used by the letters, one per worker.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, Result};

/// Each worker's stack: Typst's layout recurses deeply, more than a
/// spawned thread's default 2 MiB allows. Only the pages used are ever
/// committed.
const WORKER_STACK: usize = 32 * 1024 * 1024;

/// How many workers to start by default: one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `work` applied to every item on `jobs` threads, which take the items in
/// order as they become free; the results come back in the items' order.
pub fn map<T, R>(items: &[T], jobs: usize, work: impl Fn(usize, &T) -> R + Sync) -> Result<Vec<R>>
where
    T: Sync,
    R: Send,
{
    let next = AtomicUsize::new(0);
    let work_through = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, work(index, item)));
        }
    };
    let worker = || {
        // A pool that cannot start (it never fails for the current thread)
        // leaves the worker on rayon's global pool, as before.
        match rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build()
        {
            Ok(own) => own.install(work_through),
            Err(_) => work_through(),
        }
    };
    let jobs = jobs.clamp(1, items.len().max(1));
    let mut all = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|i| {
                std::thread::Builder::new()
                    .name(format!("letter-{i}"))
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, worker)
            })
            .collect::<std::io::Result<_>>()
            .map_err(|e| Error::usage(format!("cannot start {jobs} workers: {e}"), None))?;
        let mut all = Vec::with_capacity(items.len());
        for handle in workers {
            match handle.join() {
                Ok(done) => all.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok::<_, Error>(all)
    })?;
    all.sort_by_key(|(index, _)| *index);
    Ok(all.into_iter().map(|(_, result)| result).collect())
}
