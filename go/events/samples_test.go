package events_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The sample deliveries of every kind of every provider, made from the schemas by the
// rules npm/test/events-samples.js follows (every property filled, required and
// optional; each value the first its schema allows), so that every runtime parses the
// same values.

type schemaFile struct {
	Provider string `json:"x-provider"`
	Events   []struct {
		Kind string `json:"kind"`
		Type string `json:"type"`
	} `json:"x-events"`
	Defs map[string]map[string]any `json:"$defs"`
}

type sample struct {
	provider, kind, typ string
	payload             map[string]any
	schema              map[string]any
	defs                map[string]map[string]any
}

var formats = map[string]string{
	"date-time": "2026-03-15T14:30:00Z",
	"date":      "2026-03-15",
	"uuid":      "880e8400-e29b-41d4-a716-446655440000",
	"uri":       "https://example.test/x",
	"email":     "rep@example.test",
}

// schemaFiles are the module's copies of the schemas (the provider packages embed them).
func schemaFiles(t testing.TB) []schemaFile {
	t.Helper()
	paths, _ := filepath.Glob("*/schema.json")
	sort.Strings(paths)
	if len(paths) != 4 {
		t.Fatalf("schemas: %v", paths)
	}
	var out []schemaFile
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var s schemaFile
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func samples(t testing.TB) []sample {
	var out []sample
	for _, s := range schemaFiles(t) {
		for _, e := range s.Events {
			out = append(out, sample{s.Provider, e.Kind, e.Type, sampleOf(s.Defs[e.Type], s.Defs, nil).(map[string]any), s.Defs[e.Type], s.Defs})
		}
	}
	return out
}

func resolve(schema map[string]any, defs map[string]map[string]any, seen []string) (map[string]any, []string, bool) {
	ref, ok := schema["$ref"].(string)
	if !ok {
		return schema, seen, true
	}
	name := strings.TrimPrefix(ref, "#/$defs/")
	for _, s := range seen {
		if s == name {
			return nil, seen, false
		}
	}
	return defs[name], append(append([]string{}, seen...), name), true
}

func sampleOf(schema map[string]any, defs map[string]map[string]any, seen []string) any {
	schema, seen, ok := resolve(schema, defs, seen)
	if !ok {
		return map[string]any{}
	}
	if c, ok := schema["const"]; ok {
		return c
	}
	if enum, ok := schema["enum"].([]any); ok {
		return enum[0]
	}
	if anyOf, ok := schema["anyOf"].([]any); ok {
		for _, b := range anyOf {
			if b.(map[string]any)["type"] != "null" {
				return sampleOf(b.(map[string]any), defs, seen)
			}
		}
		return nil
	}
	typ := "string"
	if _, ok := schema["properties"]; ok {
		typ = "object"
	}
	switch t := schema["type"].(type) {
	case string:
		typ = t
	case []any:
		for _, x := range t {
			if x != "null" {
				typ = x.(string)
				break
			}
		}
	}
	switch typ {
	case "object":
		out := map[string]any{}
		props, _ := schema["properties"].(map[string]any)
		for k, p := range props {
			out[k] = sampleOf(p.(map[string]any), defs, seen)
		}
		return out
	case "array":
		if items, ok := schema["items"].(map[string]any); ok {
			return []any{sampleOf(items, defs, seen)}
		}
		return []any{}
	case "string":
		format, _ := schema["format"].(string)
		if f, ok := formats[format]; ok {
			return f
		}
		return "sample"
	case "integer":
		return 7.0
	case "number":
		return 7.5
	case "boolean":
		return true
	}
	return nil
}

// leaf is a place in a sample where the schema gives a type: its path in the sample,
// and the JSON path an error names.
type leaf struct {
	keys []string
	path string
	typ  string
}

// typedLeaves are the places in a sample the schema types (objects' fields, not array items).
func typedLeaves(schema map[string]any, defs map[string]map[string]any, keys []string, path string, seen []string) []leaf {
	schema, seen, ok := resolve(schema, defs, seen)
	if !ok {
		return nil
	}
	if props, ok := schema["properties"].(map[string]any); ok {
		var out []leaf
		names := make([]string, 0, len(props))
		for k := range props {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			out = append(out, typedLeaves(props[k].(map[string]any), defs, append(append([]string{}, keys...), k), path+"."+k, seen)...)
		}
		return out
	}
	if t, ok := schema["type"].(string); ok && len(keys) > 0 {
		return []leaf{{keys, path, t}}
	}
	return nil
}

// clone is a deep copy of a JSON value.
func clone(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

// set puts v at keys in the JSON object root.
func set(root map[string]any, keys []string, v any) {
	for _, k := range keys[:len(keys)-1] {
		root = root[k].(map[string]any)
	}
	root[keys[len(keys)-1]] = v
}
