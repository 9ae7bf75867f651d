package desktop

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
)

// Place is where the window is and how big, in the screen's pixels.
type Place struct {
	X      int `json:"x"`
	Y      int `json:"y"`
	Width  int `json:"width"`
	Height int `json:"height"`
}

const (
	// The window opens at this size the first time: it fits the work area
	// of the most common small laptop screen, 1366×768, less a taskbar and
	// the window's title bar.
	defaultWidth, defaultHeight = 1280, 680
	minWidth, minHeight         = 1000, 600
	// A taskbar or panel (40–60 px) and a title bar (30–40 px) take about
	// this much of a screen's height; the rest is the window's.
	reservedHeight = 88
)

// fit says where the window goes on a screen of screenW×screenH: the last
// place when the whole window lies on this screen (it may have been left on
// a larger one), else the default size, or the last size, cut down to the
// screen less a taskbar and a title bar, and centred.
func fit(last *Place, screenW, screenH int) (p Place, center bool) {
	if last != nil && last.X >= 0 && last.Y >= 0 && last.Width > 0 && last.Height > 0 &&
		last.X+last.Width <= screenW && last.Y+last.Height <= screenH {
		return *last, false
	}
	w, h := defaultWidth, defaultHeight
	if last != nil && last.Width > 0 && last.Height > 0 {
		w, h = last.Width, last.Height
	}
	return Place{Width: min(w, screenW), Height: min(h, screenH-reservedHeight)}, true
}

// placeFile is where the window's last place is kept: beside the database,
// as its lock and control files are.
func placeFile(dbPath string) string { return dbPath + ".window" }

// loadPlace reads the last place; nil when there is none yet, or the file
// is not one ACE Desk wrote (then the window opens at the default place).
func loadPlace(path string) *Place {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var p Place
	if json.Unmarshal(data, &p) != nil || p.Width <= 0 || p.Height <= 0 {
		return nil
	}
	return &p
}

// savePlace keeps p for the next start, readable by the user alone, as
// everything beside the database is.
func savePlace(path string, p Place) error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	// WriteFile keeps the mode of a file that was there.
	if err := os.Chmod(path, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
