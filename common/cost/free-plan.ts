/** Facts of the AWS Free plan that main and the renderer share (plain values, no zod). */

/** The types a Free-plan account may launch; others fail with InvalidParameterCombination. */
export const FREE_PLAN_TYPES = ['t3.micro', 't3.small', 't4g.micro', 't4g.small', 'c7i-flex.large', 'm7i-flex.large'] as const;

/** The Billing console's Free Tier page, where the plan is upgraded (main allows console.aws.amazon.com). */
export const UPGRADE_PLAN_URL = 'https://console.aws.amazon.com/billing/home#/freetier';

/** The cost guard's default amount when there are no Free-plan credits to match. */
export const DEFAULT_BUDGET_USD = 10;
