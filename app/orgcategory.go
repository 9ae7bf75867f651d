package app

import (
	"slices"
	"strings"
)

// OrgCategories are the nine kinds of member organisation named in the 2018
// community document, in display order.
var OrgCategories = []string{
	"user", "vendor", "integrator", "isv", "hardware",
	"university", "media", "training", "volunteer",
}

func IsOrgCategory(c string) bool { return slices.Contains(OrgCategories, c) }

// orgCategoryWords are the words rosters use for each category: first the
// seed's own (用户, 数据库厂商、云厂商, …), then the key, the UI's label,
// common variants and English names. They compare as orgWord spells them.
var orgCategoryWords = map[string][]string{
	"user": {"用户", "user", "users", "end user", "用户单位", "最终用户", "企业用户", "行业用户"},
	"vendor": {"数据库厂商、云厂商", "vendor", "vendors", "database vendor", "cloud vendor", "database and cloud vendors",
		"database & cloud vendors", "数据库厂商", "云厂商", "数据库与云厂商", "数据库和云厂商", "数据库及云厂商", "云服务商", "数据库公司"},
	"integrator": {"数据库集成、支持服务商", "integrator", "integrators", "service provider", "support provider",
		"integrators and support providers", "数据库集成", "支持服务商", "集成商", "服务商", "集成与服务商", "集成和服务商",
		"系统集成商", "数据库服务商", "技术服务商"},
	"isv": {"行业软件开发商", "isv", "isvs", "software vendor", "industry software vendor", "industry software vendors",
		"行业软件厂商", "软件开发商", "软件厂商", "行业软件商"},
	"hardware":   {"硬件厂商", "hardware", "hardware vendor", "hardware vendors", "硬件", "硬件商"},
	"university": {"高校", "university", "universities", "academia", "college", "大学", "院校", "学校", "高等院校"},
	"media":      {"媒体", "media", "press", "新闻媒体"},
	"training":   {"培训机构", "training", "training institution", "training institutions", "培训", "培训学校"},
	"volunteer":  {"志愿者", "volunteer", "volunteers", "社区志愿者"},
}

// orgWords is orgCategoryWords by word.
var orgWords = func() map[string]string {
	out := map[string]string{}
	for key, words := range orgCategoryWords {
		for _, w := range words {
			out[orgWord(w)] = key
		}
	}
	return out
}()

// orgSeparators are the ways people write "、" between two words.
var orgSeparators = strings.NewReplacer("/", "、", "，", "、", ",", "、", "；", "、", ";", "、", "|", "、", "／", "、")

// orgWord is how a category word compares: case, spaces and the choice of
// separator do not matter.
func orgWord(s string) string {
	return orgSeparators.Replace(strings.Join(strings.Fields(strings.ToLower(s)), ""))
}

// ParseOrgCategory reads a category as a roster writes it.
func ParseOrgCategory(s string) (string, bool) {
	key, ok := orgWords[orgWord(s)]
	return key, ok
}

// orgCategoryChoices lists the categories for a message: each key with
// the seed's word for it.
func orgCategoryChoices() string {
	choices := make([]string, len(OrgCategories))
	for i, key := range OrgCategories {
		choices[i] = key + " (" + orgCategoryWords[key][0] + ")"
	}
	return strings.Join(choices, ", ")
}
