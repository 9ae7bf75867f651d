package web

import (
	"sync"
	"time"
)

// maxTrackedAddresses bounds the limiter's memory: a venue network has a
// few hundred phones, so more addresses than this within one window means
// someone is spoofing sources, and forgetting the oldest is the lesser harm.
const maxTrackedAddresses = 4096

// limiter allows at most max events per address within window, on the
// hub's clock so tests can move time instead of sleeping.
type limiter struct {
	max    int
	window time.Duration

	mu     sync.Mutex
	events map[string][]time.Time
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, events: map[string][]time.Time{}}
}

// wait is how long addr must wait before its next event is allowed: 0 when
// it may go ahead now.
func (l *limiter) wait(addr string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.recent(addr, now)
	if len(recent) < l.max {
		return 0
	}
	return recent[0].Add(l.window).Sub(now)
}

// record counts one event of addr at now.
func (l *limiter) record(addr string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.events) >= maxTrackedAddresses {
		l.prune(now)
	}
	l.events[addr] = append(l.recent(addr, now), now)
}

// recent drops addr's events older than the window and returns the rest.
func (l *limiter) recent(addr string, now time.Time) []time.Time {
	list := l.events[addr]
	i := 0
	for i < len(list) && !list[i].Add(l.window).After(now) {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(l.events, addr)
	} else {
		l.events[addr] = list
	}
	return list
}

// prune forgets every address with no recent event, and if that is not
// enough, all of them.
func (l *limiter) prune(now time.Time) {
	for addr := range l.events {
		l.recent(addr, now)
	}
	if len(l.events) >= maxTrackedAddresses {
		clear(l.events)
	}
}
