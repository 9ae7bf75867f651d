package apptest

import (
	"runtime"
	"runtime/metrics"
)

// PeakHeap runs fn and returns the most heap its run had in use at once,
// above what was in use before: a sampler reads the runtime's figure as
// fast as it can while fn runs. It measures; it synchronises nothing.
func PeakHeap(fn func()) uint64 {
	const name = "/memory/classes/heap/objects:bytes"
	runtime.GC()
	sample := []metrics.Sample{{Name: name}}
	metrics.Read(sample)
	base, peak := sample[0].Value.Uint64(), uint64(0)
	done, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		s := []metrics.Sample{{Name: name}}
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	fn()
	close(done)
	<-sampled
	if peak < base {
		return 0
	}
	return peak - base
}
