# ./forum scan: turns the app's OpenAPI document (GET /v3/api-docs) into sqlmap's targets, one a line:
#   METHOD, URL, JSON body (or empty), names of the URL's marked places, names of the body's
# with sqlmap's injection marker (*) after every value it is to attack: path variables, query parameters
# and the values of the JSON body. A route added to the API is scanned without touching this file.
#
# Targets: every GET with a path or query parameter, and the writes named in $writes ("METHOD /path",
# from config/scan/sqlmap-writes). Values: $values (config/scan/sample-values) by parameter or property
# name, else the schema's default, first enum value or minimum, else a placeholder of its type that
# satisfies the schema's length and range, so the baseline request is valid and reaches the code behind
# the validation.
#
# Arguments: --arg base http://127.0.0.1:PORT --argjson values {...} --argjson writes [...]

. as $doc
| def resolve: if has("$ref") then . as $s | $doc.components.schemas[$s["$ref"] | sub("^#/components/schemas/"; "")] else . end;

def placeholder($name):
  if $values[$name] != null then $values[$name]
  elif .default != null then .default
  elif .enum != null then .enum[0]
  elif .type == "integer" or .type == "number" then (.minimum // ((.exclusiveMinimum // 0) + 1))
  elif .type == "boolean" then false
  elif .type == "array" then [(.items | resolve | placeholder($name))]
  else ("scan-" + $name) as $text | ($text * ((((.minLength // 0) / ($text | length)) | ceil) + 1))[0:([.maxLength // 40, 40] | min)]
  end;

# a JSON value with the marker after each scalar (numbers too: sqlmap strips the marker for the baseline)
def marked($name):
  resolve as $schema
  | if $schema.type == "object" or $schema.properties != null then
      "{" + ([$schema.properties | to_entries[] | .key as $key | "\($key | tojson):\(.value | marked($key))"] | join(",")) + "}"
    elif $schema.type == "array" then "[" + ($schema.items | marked($name)) + "]"
    elif $schema.type == "boolean" then ($schema | placeholder($name) | tojson)
    elif $schema.type == "integer" or $schema.type == "number" then "\($schema | placeholder($name))*"
    else ((($schema | placeholder($name)) | tostring) + "*") | tojson
    end;

# the names of the values marked() marks, in its order
def marker_names($name):
  resolve as $schema
  | if $schema.type == "object" or $schema.properties != null then
      [$schema.properties | to_entries[] | .key as $key | .value | marker_names($key)] | add // []
    elif $schema.type == "array" then $schema.items | marker_names($name)
    elif $schema.type == "boolean" then []
    else [$name]
    end;

def query_value: if type == "array" then .[0] else . end | tostring | @uri;

$doc.paths | to_entries[] | .key as $path
| .value | to_entries[] | (.key | ascii_upcase) as $method | .value as $op
| [($op.parameters // [])[] | select(.in == "path" or .in == "query")] as $params
| select(($method == "GET" and ($params | length) > 0) or ($writes | index("\($method) \($path)") != null))
| ($op.requestBody.content["application/json"].schema // null) as $body
# with markers in a body sqlmap attacks only those: a write's path variables stay unmarked (the GETs of
# the same paths attack them)
| (if $body == null then "*" else "" end) as $path_marker
| (reduce ($params[] | select(.in == "path")) as $p ($path;
    sub("\\{" + $p.name + "\\}"; (($p.schema | placeholder($p.name)) | tostring | @uri) + $path_marker))) as $url_path
| ([$params[] | select(.in == "query") | .name as $name | "\($name)=\(.schema | placeholder($name) | query_value)*"] | join("&")) as $query
# sqlmap calls the marked places #1*, #2*, ... in the URL and in the body; their names, in that order
| ([$params[] | select(.in == "path" and $path_marker == "*") | .name]
   + [$params[] | select(.in == "query") | .name] | join(",")) as $url_names
| (if $body == null then "" else $body | marker_names("body") | join(",") end) as $body_names
| [$method, $base + $url_path + (if $query == "" then "" else "?" + $query end),
   (if $body == null then "" else $body | marked("body") end), $url_names, $body_names]
# separated by the unit separator (0x1f), which no field holds; a tab would do for the eye, but bash's read
# merges consecutive tabs and so loses empty fields
| join("\u001f")
