package pinyin

import "testing"

func TestLatin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"赵霞婷", "Zhao Xiating"},
		{"欧阳明昇", "Ouyang Mingsheng"},
		{"欧阳", "Ou Yang"},
		{"吕冰", "Lyu Bing"},
		{"女娲", "Nyu Wa"},
		{"单雄信", "Shan Xiongxin"},
		{"曾国藩", "Zeng Guofan"},
		{"张西安", "Zhang Xi'an"},
		{"钱多多", "Qian Duoduo"},
		{"阿依古丽·买买提", "Ayiguli Maimaiti"},
		{"Jonathan Katz", "Jonathan Katz"},
		{"王𬌗", "Wang He"},
	}
	for _, tt := range tests {
		if got := (Romanizer{}).Latin(tt.in); got != tt.want {
			t.Errorf("Latin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
