package desktop

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestTheWindowFitsTheScreenItOpensOn(t *testing.T) {
	last := func(x, y, w, h int) *Place { return &Place{X: x, Y: y, Width: w, Height: h} }
	for _, tc := range []struct {
		name            string
		last            *Place
		screenW, screen int
		want            Place
		center          bool
	}{
		{"first start on 1366×768: the default, within the work area", nil, 1366, 768, Place{Width: 1280, Height: 680}, true},
		{"first start on 1920×1080: the default", nil, 1920, 1080, Place{Width: 1280, Height: 680}, true},
		{"first start on 1280×720: cut to the work area", nil, 1280, 720, Place{Width: 1280, Height: 632}, true},
		{"the last place, on the screen", last(40, 30, 1200, 700), 1366, 768, Place{X: 40, Y: 30, Width: 1200, Height: 700}, false},
		{"the last place, maximised", last(0, 0, 1366, 768), 1366, 768, Place{Width: 1366, Height: 768}, false},
		{"left on a larger screen: its size cut down, centred", last(600, 300, 1600, 1000), 1366, 768, Place{Width: 1366, Height: 680}, true},
		{"partly off the screen: centred", last(-50, 20, 1000, 600), 1366, 768, Place{Width: 1000, Height: 600}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, center := fit(tc.last, tc.screenW, tc.screen)
			if got != tc.want || center != tc.center {
				t.Errorf("fit = %+v, centre %v; want %+v, centre %v", got, center, tc.want, tc.center)
			}
		})
	}
}

func TestTheLastPlaceIsKeptBesideTheDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "acedesk.db")
	path := placeFile(db)
	if got := loadPlace(path); got != nil {
		t.Errorf("before any save: %+v, want none", got)
	}
	if err := os.WriteFile(path, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := loadPlace(path); got != nil {
		t.Errorf("a damaged file: %+v, want none", got)
	}
	want := Place{X: 43, Y: 44, Width: 1200, Height: 640}
	if err := savePlace(path, want); err != nil {
		t.Fatal(err)
	}
	if got := loadPlace(path); got == nil || *got != want {
		t.Errorf("after saving %+v: %+v", want, got)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", filepath.Base(path), st.Mode().Perm())
	}
}
