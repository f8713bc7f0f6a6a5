package io.regionlint.load;

import java.util.Map;
import java.util.Optional;

/** The YAML short-form tags CloudFormation accepts, and the long form each stands for. */
final class Intrinsics {

    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            Map.entry("!Length", "Fn::Length"),
            Map.entry("!GetStackOutput", "Fn::GetStackOutput"),
            // Rules-section functions, valid in templates that declare Rules.
            Map.entry("!Contains", "Fn::Contains"),
            Map.entry("!EachMemberEquals", "Fn::EachMemberEquals"),
            Map.entry("!EachMemberIn", "Fn::EachMemberIn"),
            Map.entry("!RefAll", "Fn::RefAll"),
            Map.entry("!ValueOf", "Fn::ValueOf"),
            Map.entry("!ValueOfAll", "Fn::ValueOfAll"));

    private Intrinsics() {
    }

    static Optional<String> longForm(String tag) {
        return Optional.ofNullable(SHORT_FORMS.get(tag));
    }
}
