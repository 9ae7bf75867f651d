package app

import (
	"runtime"
	"sync"
)

// InParallel runs fn for 0..n-1 on every core, in contiguous runs, and
// returns the error of the lowest index that failed, so that the reason a
// bundle is refused does not depend on scheduling.
func InParallel(n int, fn func(i int) error) error {
	return InParallelOn(runtime.GOMAXPROCS(0), n, fn)
}

// InParallelOn is InParallel on at most workers cores.
func InParallelOn(workers, n int, fn func(i int) error) error {
	workers = min(workers, n/1024+1)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := n * w / workers; i < n*(w+1)/workers; i++ {
				if err := fn(i); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
