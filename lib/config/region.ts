// What an AWS region name looks like, in every partition (aws, aws-cn, aws-us-gov, the isolated ones).

const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+)?-[a-z]+-\d{1,2}$/;

/** Examples used in messages. */
export const REGION_EXAMPLES = 'us-east-1 or eu-west-2';

/**
 * True when `name` is shaped like an AWS region: us-east-1, eu-west-2, us-gov-west-1, cn-north-1,
 * ap-southeast-3. Availability zones (us-east-1a), upper case and display names are rejected; whether
 * the region exists for this account is left to AWS.
 */
export function isAwsRegion(name: string): boolean {
  return REGION_SHAPE.test(name);
}
