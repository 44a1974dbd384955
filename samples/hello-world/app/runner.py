import os

# Where the app writes its outputs, relative to basepath; the assembling engine collects them from there.
OUTPUT_PATH = 'result'


def run(basepath, params, metadata):
    # 1. Reading Inputs: the task's input chunk is basepath/data.bin.
    with open(os.path.join(basepath, 'data.bin'), 'rb') as f:
        data = f.read()
    data_decoded = data.decode('utf-8')

    # 2. Handling Parameters: params is the job's params.app object.
    case = params['case']

    # 3. Developing the Core Functionality.
    if case == 'upper':
        data_processed = data_decoded.upper()
    elif case == 'lower':
        data_processed = data_decoded.lower()
    elif case == 'title':
        data_processed = data_decoded.title()
    else:
        data_processed = data_decoded

    # 4. Saving Outputs: under basepath/result.
    output_dir = os.path.join(basepath, OUTPUT_PATH)
    os.makedirs(output_dir, exist_ok=True)
    output_path = os.path.join(output_dir, 'hello_world.txt')
    with open(output_path, 'w', encoding='utf-8') as f:
        f.write(data_processed)
    return output_path
