package store

import (
	"math"
	"testing"
)

// TestIDMap checks idMap against a plain map through dense runs, far IDs
// that the slice later grows over, zero values, overwrites and removals.
func TestIDMap(t *testing.T) {
	type op struct {
		remove bool
		k, v   uint64
	}
	var dense []op
	for k := uint64(1); k <= 3000; k++ {
		dense = append(dense, op{k: k, v: k * 7})
	}
	tests := []struct {
		name string
		ops  []op
	}{
		{"empty", nil},
		{"dense from 1", dense},
		{"zero key and value", []op{{k: 0, v: 0}, {k: 1, v: 0}}},
		{"far then grown over", append([]op{{k: 9000, v: 1}, {k: math.MaxUint64, v: 2}}, append(dense, dense...)...)},
		{"far, left in the map once the slice covers it", append([]op{{k: 15000, v: 9}}, func() []op {
			var run []op
			for k := uint64(1); k <= 10000; k++ {
				run = append(run, op{k: k, v: k})
			}
			return run
		}()...)},
		{"overwrite and remove", []op{{k: 5, v: 1}, {k: 5, v: 2}, {k: 6, v: 3}, {remove: true, k: 6}, {remove: true, k: 1 << 40}, {k: 1 << 40, v: 4}, {remove: true, k: 5}}},
		{"far removed then set dense", []op{{k: 20000, v: 1}, {remove: true, k: 20000}, {k: 3, v: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := newIDMap(0), map[uint64]uint64{}
			probe := map[uint64]bool{0: true, 1: true, 2: true, 4095: true, 4096: true, 1 << 40: true, math.MaxUint64: true}
			for _, o := range tt.ops {
				probe[o.k], probe[o.k+1] = true, true
				if o.remove {
					got.remove(o.k)
					delete(want, o.k)
					continue
				}
				got.set(o.k, o.v)
				want[o.k] = o.v
			}
			for k := range probe {
				v, ok := got.get(k)
				w, wok := want[k]
				if v != w || ok != wok || got.contains(k) != wok {
					t.Errorf("get(%d) = %d, %v; want %d, %v", k, v, ok, w, wok)
				}
			}
		})
	}
	var none *idMap
	if _, ok := none.get(1); ok || none.contains(0) {
		t.Error("a nil idMap finds something")
	}
}
