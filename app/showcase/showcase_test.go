package showcase

import (
	"strings"
	"testing"

	"acedesk/app"
)

func TestHTMLOfNoHolders(t *testing.T) {
	out, err := HTML(app.BuildShowcase(app.ShowcaseChapter{NameZH: "分会"}, 2026, "2026-03-31", nil, nil))
	if err != nil || !strings.Contains(string(out), "暂无荣誉成员") || strings.Contains(string(out), `class="card"`) {
		t.Errorf("HTML = %s, %v", out, err)
	}
}
