// Package pinyin writes Chinese names in Latin letters for the English of
// certificates, when a member has no Latin name of their own. It is the
// only package that imports github.com/mozillazg/go-pinyin.
package pinyin

import (
	"strings"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// Romanizer is app.Romanizer: a name in Hanyu Pinyin as Chinese passports
// write it (GB/T 28039): the surname, then the given name as one word,
// each capitalised ("Ouyang Mingsheng"), ü as "yu" after l and n ("Lyu").
// It is a guess to be corrected: a character read more than one way takes
// its usual reading, except the surnames below.
type Romanizer struct{}

// compound surnames are two characters; the common ones.
var compound = []string{"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文",
	"司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "赫连", "澹台", "呼延", "申屠", "钟离", "宗政", "司空", "百里"}

// surnames read otherwise than the character's usual reading.
var surnames = map[string]string{
	"单": "shan", "曾": "zeng", "区": "ou", "仇": "qiu", "解": "xie", "朴": "piao", "查": "zha", "乐": "yue",
	"覃": "qin", "缪": "miao", "翟": "zhai", "盖": "ge", "召": "shao", "宓": "fu", "秘": "bi", "贲": "ben",
	"员": "yun", "种": "chong", "重": "chong", "繁": "po", "折": "she", "句": "gou", "尉迟": "yuchi", "万俟": "moqi",
	"长孙": "zhangsun", "过": "guo", "藏": "zang", "那": "na", "沈": "shen", "隗": "wei",
}

// Latin returns name in pinyin; "" when it holds a character without a
// reading, and name itself when it has no Chinese.
func (Romanizer) Latin(name string) string {
	name = strings.TrimSpace(name)
	if !strings.ContainsFunc(name, isHan) {
		return name
	}
	// A name of several parts (阿依古丽·买买提) is romanised part by part,
	// each a word: it has no surname to split off.
	var parts []string
	all := strings.FieldsFunc(name, func(r rune) bool { return r == '·' || r == '•' || r == ' ' })
	for _, part := range all {
		surname, given := "", part
		if len(all) == 1 {
			surname, given = split(part)
		}
		words := make([]string, 0, 2)
		for j, s := range []string{surname, given} {
			if s == "" {
				continue
			}
			p, ok := readings(s, j == 0)
			if !ok {
				return ""
			}
			words = append(words, p)
		}
		parts = append(parts, words...)
	}
	return strings.Join(parts, " ")
}

// split splits a name into surname and given name: a compound surname
// when the name starts with one and has more than two characters.
func split(name string) (string, string) {
	rs := []rune(name)
	if len(rs) < 2 {
		return "", name
	}
	for _, c := range compound {
		if strings.HasPrefix(name, c) && len(rs) > 2 {
			return c, string(rs[2:])
		}
	}
	return string(rs[0]), string(rs[1:])
}

// readings writes s as one capitalised word.
func readings(s string, surname bool) (string, bool) {
	if r, ok := surnames[s]; surname && ok {
		return capitalise(r), true
	}
	args := gopinyin.NewArgs()
	var b strings.Builder
	for _, c := range s {
		if !isHan(c) {
			b.WriteRune(c)
			continue
		}
		p := gopinyin.SinglePinyin(c, args)
		if len(p) == 0 || p[0] == "" {
			return "", false
		}
		syl := p[0]
		// go-pinyin writes ü as v: passports write lü and nü as lyu, nyu.
		if strings.HasPrefix(syl, "lv") || strings.HasPrefix(syl, "nv") {
			syl = syl[:1] + "yu" + syl[2:]
		}
		syl = strings.ReplaceAll(syl, "v", "u")
		// A syllable starting with a vowel after another one is set off
		// with an apostrophe (Xi'an), as pinyin writes it.
		if b.Len() > 0 && strings.ContainsRune("aeo", rune(syl[0])) {
			b.WriteByte('\'')
		}
		b.WriteString(syl)
	}
	return capitalise(b.String()), true
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
