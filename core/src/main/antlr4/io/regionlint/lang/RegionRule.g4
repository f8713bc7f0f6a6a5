/*
 * The regionlint rule language: a team's own rules over the cross-Region model.
 * docs/custom-rules.md is its reference; the parser is generated from this file at build time.
 *
 *   rule ACME-001 {
 *     severity error
 *     summary "Every replica of a global table has point-in-time recovery"
 *     message "Replica of {resource} in {r.region} has no point-in-time recovery"
 *     select "AWS::DynamoDB::GlobalTable"
 *     require every replica r: r.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled == true
 *   }
 */
grammar RegionRule;

file        : ruleDecl* EOF ;

ruleDecl    : RULE ruleId LBRACE clause* RBRACE ;

ruleId      : IDENT | RULE_ID ;

clause      : SEVERITY word=IDENT                                  # severityClause
            | SUMMARY STRING                                       # summaryClause
            | MESSAGE STRING                                       # messageClause
            | CATEGORY STRING                                      # categoryClause
            | HELP STRING                                          # helpClause
            | DESCRIPTION STRING                                   # descriptionClause
            | SELECT STRING (COMMA STRING)* (WHERE expr)?          # selectClause
            | REQUIRE expr                                         # requireClause
            | AT operand                                           # atClause
            ;

expr        : NOT expr                                             # notExpr
            | operand op=(EQ | NE | LT | LE | GT | GE) operand     # compareExpr
            | operand NOT? IN operand                              # inExpr
            | EXISTS operand                                       # existsExpr
            | expr AND expr                                        # andExpr
            | expr OR expr                                         # orExpr
            | <assoc=right> expr IMPLIES expr                      # impliesExpr
            | IF expr THEN expr                                    # ifExpr
            | quantifier                                           # quantifierExpr
            | LPAREN expr RPAREN                                   # parenExpr
            | operand                                              # truthyExpr
            ;

quantifier  : q=(EVERY | SOME | NO) domain var=IDENT source? (WHERE filter=expr)? COLON body=expr ;

domain      : OTHER? role=IDENT? (REGION | REGIONS)                # regionDomain
            | kind=IDENT                                           # wordDomain
            ;

source      : OF TYPE STRING                                       # typeSource
            | OF operand                                           # ofSource
            | IN operand                                           # inSource
            ;

operand     : STRING                                               # stringOperand
            | NUMBER                                               # numberOperand
            | (TRUE | FALSE)                                       # boolOperand
            | LBRACK (operand (COMMA operand)*)? RBRACK            # listOperand
            | OTHER? role=IDENT? REGIONS                           # regionSetOperand
            | name=IDENT LPAREN (operand (COMMA operand)*)? RPAREN  # callOperand
            | path                                                 # pathOperand
            ;

path        : head (DOT segment)* ;

head        : IDENT | REGION | TYPE | THIS ;

segment     : IDENT | REGION | TYPE | STRING | NUMBER ;

/* the single operand of a message placeholder, {r.Properties.X} */
placeholder : operand EOF ;

RULE        : 'rule' ;
SEVERITY    : 'severity' ;
SUMMARY     : 'summary' ;
MESSAGE     : 'message' ;
CATEGORY    : 'category' ;
HELP        : 'help' ;
DESCRIPTION : 'description' ;
SELECT      : 'select' ;
WHERE       : 'where' ;
REQUIRE     : 'require' ;
AT          : 'at' ;
NOT         : 'not' ;
AND         : 'and' ;
OR          : 'or' ;
IMPLIES     : 'implies' ;
IF          : 'if' ;
THEN        : 'then' ;
IN          : 'in' ;
EXISTS      : 'exists' ;
EVERY       : 'every' ;
SOME        : 'some' ;
NO          : 'no' ;
OF          : 'of' ;
TYPE        : 'type' ;
OTHER       : 'other' ;
REGION      : 'region' ;
REGIONS     : 'regions' ;
THIS        : 'this' ;
TRUE        : 'true' ;
FALSE       : 'false' ;

EQ : '==' ;  NE : '!=' ;  LE : '<=' ;  GE : '>=' ;  LT : '<' ;  GT : '>' ;
LBRACE : '{' ;  RBRACE : '}' ;  LPAREN : '(' ;  RPAREN : ')' ;  LBRACK : '[' ;  RBRACK : ']' ;
COMMA : ',' ;  COLON : ':' ;  DOT : '.' ;

/* a team's rule id such as ACME-001 (RL9001 is an IDENT) */
RULE_ID     : [A-Z] [A-Z0-9]* ('-' [A-Z0-9]+)+ ;
IDENT       : [a-zA-Z_] [a-zA-Z0-9_]* ;
NUMBER      : '-'? [0-9]+ ('.' [0-9]+)? ;
STRING      : '"' ( '\\' . | ~["\\\r\n] )* '"'
            | '"""' .*? '"""'
            ;
COMMENT     : '#' ~[\r\n]* -> skip ;
WS          : [ \t\r\n]+ -> skip ;
