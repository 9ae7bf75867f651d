package pdf

import "testing"

// A Printer reads the font once, whichever document it makes first.
func TestPrinterReadsTheFontOnce(t *testing.T) {
	p := NewPrinter()
	first, err := p.renderer()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Unprintable("甲"); err != nil {
		t.Fatal(err)
	}
	if again, _ := p.renderer(); again != first {
		t.Error("the printer read the font a second time")
	}
}
